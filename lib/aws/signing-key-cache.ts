/**
 * The AWS SDK's SigV4 signer (@smithy/signature-v4) keeps derived signing keys in a module-wide
 * cache it bounds at 50 entries by evicting, in order, the keys it queued. A signing checks the
 * cache, queues its key and evicts, then awaits four HMACs before it stores the key: when more
 * than 50 other signings queue in the meantime, the key is evicted before it is stored, and the
 * entry stored afterwards is never evicted. A worker collecting 8 accounts with 4 requests in flight
 * each leaves ~30 such entries per account (one per region and service its session signed for):
 * `npm run bench:collect` showed the live heap growing by ~28 KB per account collected, 140 MB at
 * 5,000 accounts, without end in a worker that collects every 6 hours.
 *
 * An account's keys are of no use once its session ends (each session has its own credentials),
 * so the cache is emptied whenever an account's clients are released. Accounts still collecting
 * derive their keys again on their next request: four HMACs.
 */
import { clearCredentialCache } from "@smithy/signature-v4";

export function forgetSigningKeys(): void {
  clearCredentialCache();
}
