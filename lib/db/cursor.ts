/**
 * A query read batch by batch through a PostgreSQL cursor, for exports of any size. PostgreSQL
 * runs the query (and its sort) once and hands rows over a batch at a time, so the process holds
 * one batch, never the whole result; and the rows all come from one snapshot, so a collection
 * committing meanwhile neither repeats nor drops a row. Paging with OFFSET, or by the sort key
 * (keyset), would sort the view again for every batch: views sorted across the account join
 * (severity, account name) have no index to page along.
 */
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "./client";
import type { DbTransaction } from "./transaction";

/**
 * How long one cursor's transaction may stay open. It holds a pooled connection and a snapshot
 * (which delays VACUUM) while the reader downloads; a download slower than this fails rather than
 * hold them for ever. The largest findings view at 1,000 accounts streams in well under a minute.
 */
const CURSOR_TIMEOUT_MS = 30 * 60_000;
/** How long to wait for a pooled connection before giving up. */
const CURSOR_MAX_WAIT_MS = 30_000;

/**
 * Yields the rows of `query` in batches of at most `batchSize`, in the
 * query's order. Reads the next batch only when asked for it; stopping early (break, return, a
 * cancelled download) closes the cursor and its transaction.
 */
export async function* cursorBatches<Row>(query: Prisma.Sql, batchSize: number): AsyncGenerator<Row[]> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`batch size must be a whole number, at least 1 (got ${batchSize})`);
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  let opened!: (tx: DbTransaction) => void;
  const ready = new Promise<DbTransaction>((resolve) => (opened = resolve));
  // The transaction lives as long as the reader reads: its callback waits until the generator ends.
  const transaction = db().$transaction(
    async (tx) => {
      opened(tx);
      await finished;
    },
    { timeout: CURSOR_TIMEOUT_MS, maxWait: CURSOR_MAX_WAIT_MS },
  );
  // Observed at once so that a failure while the reader pauses is never an unhandled rejection;
  // it surfaces through the next FETCH instead ("transaction already closed").
  const outcome = transaction.then(
    () => undefined,
    (error: unknown) => error,
  );
  try {
    // Neither branch rejects, so the one that loses the race is never an unhandled rejection.
    const start = await Promise.race([ready.then((tx) => ({ tx })), outcome.then((error) => ({ error }))]);
    if (!("tx" in start)) throw start.error ?? new Error("the cursor's transaction ended before it began");
    const { tx } = start;
    await tx.$executeRaw`SET TRANSACTION READ ONLY`;
    await tx.$executeRaw`DECLARE iamfit_batches NO SCROLL CURSOR FOR ${query}`;
    // FETCH takes its count as text, not as a parameter; it is a whole number checked above.
    const fetch = Prisma.sql`FETCH FORWARD ${Prisma.raw(String(batchSize))} FROM iamfit_batches`;
    for (;;) {
      const rows = await tx.$queryRaw<Row[]>(fetch);
      if (rows.length > 0) yield rows;
      if (rows.length < batchSize) return;
    }
  } finally {
    finish();
    // Every row has been handed over or the reader stopped: a failed COMMIT of this read-only
    // transaction loses nothing, and the error that stopped a read has already been thrown.
    await outcome;
  }
}
