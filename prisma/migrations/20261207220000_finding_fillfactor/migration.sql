-- Room in each page of `finding` for the rows' next versions. A collection rewords the reason of
-- an unchanged finding whose figures moved ("…is 93 days old" a day later): ~18 of an account's
-- open findings every run. In full pages each such update is a new row version elsewhere with a
-- new entry in each of the table's eight indexes (~5 KB per unchanged account-run, measured with
-- bench:history); with room left in the page it is a heap-only update, which touches no index and
-- whose dead version the page reclaims itself. Applies to pages written from now on.
ALTER TABLE finding SET (fillfactor = 85);
