/**
 * Exercise 5's checks now live in lib/checks/exercise-05/<check id>/. This path stays only for
 * exercise 6's credentials.unused, which imports recentUseEvidence from here while it moves to
 * its own folder: import from ./recent-use instead, then delete this file.
 */
export { recentUseEvidence } from "./recent-use";
