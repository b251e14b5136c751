/**
 * How far V8 lets the heap grow between full garbage collections in a worker process.
 *
 * A worker's live heap is ~120 MB, most of it loaded code (the AWS SDK clients, Prisma), and
 * every AWS call allocates short-lived objects in the SDK (middleware stacks, config copies,
 * signing). By default V8 lets the old space grow to several times the live heap before a full
 * collection. Growing by at most the live heap instead (V8 flag --heap-growing-percent=100, i.e.
 * a factor of 2) makes full collections more frequent, but they are short for a heap this size:
 * collecting 400 accounts (`npm run bench:collect`), peak RSS went from 608 to 450 MB for 8% more
 * CPU (0.74 to 0.80 ms per AWS call).
 *
 * The flag is one V8 reads at every full collection, so setting it once the process runs takes
 * effect (unlike heap size limits, fixed at start-up). An operator's own setting (in NODE_OPTIONS
 * or on the node command line) wins.
 */
import v8 from "node:v8";

export const HEAP_GROWING_PERCENT = 100;

export function limitHeapGrowth(nodeFlags: string = [process.env.NODE_OPTIONS ?? "", ...process.execArgv].join(" ")): void {
  if (/heap[-_]growing[-_]percent/.test(nodeFlags)) return;
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
