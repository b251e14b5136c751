/**
 * Temporary credentials issued by the sandbox's sts:AssumeRole. The access key id is all a
 * later request reveals (in its SigV4 Authorization header), so it keys the registry.
 */
import { createRng } from "@/lib/sandbox/prng";

export interface SandboxSession {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  accountId: string;
  roleName: string;
  /** The role's IAM ARN (with its path): what trust policies of chained roles name. */
  roleArn: string;
  roleId: string;
  sessionName: string;
  /** Wall-clock expiry in epoch ms (the SDK compares it with Date.now()). */
  expiresAt: number;
}

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
/** Expired sessions are dropped once the registry grows past this (then past twice what survived). */
const MIN_PRUNE_THRESHOLD = 5_000;
/**
 * Sessions kept at most, least recently used dropped first: a collection of 1,000 accounts asks
 * for ~19,000 (one per account and region for the STS probe, which iamfit never uses), all valid
 * for 15 minutes, and the sandbox shares the worker's memory. Sessions in use stay recent.
 */
export const MAX_SESSIONS = 10_000;

function encodeBase32(value: number, length: number): string {
  let out = "";
  let rest = value;
  for (let i = 0; i < length; i++) {
    out = BASE32[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

export class SessionRegistry {
  private readonly sessions = new Map<string, SandboxSession>();
  private counter = 0;
  private pruneThreshold = MIN_PRUNE_THRESHOLD;

  constructor(
    private readonly seed: number,
    private readonly clock: () => number,
  ) {}

  issue(fields: Omit<SandboxSession, "accessKeyId" | "secretAccessKey" | "sessionToken">): SandboxSession {
    this.counter++;
    // "ASIA" marks temporary credentials in AWS; the counter makes every id unique.
    const accessKeyId = `ASIA${encodeBase32(this.seed % 32 ** 4, 4)}${encodeBase32(this.counter, 12)}`;
    const rng = createRng(this.seed, "session", this.counter);
    const secret = Array.from({ length: 40 }, () => BASE32[rng.int(0, 31)]).join("");
    const session: SandboxSession = {
      ...fields,
      accessKeyId,
      secretAccessKey: secret,
      sessionToken: `IQoJb3JpZ2luX2VjE${secret}${accessKeyId}`,
    };
    if (this.sessions.size >= this.pruneThreshold) {
      this.pruneExpired();
      // A big collection keeps thousands of live sessions; do not rescan them on every AssumeRole.
      this.pruneThreshold = Math.max(MIN_PRUNE_THRESHOLD, this.sessions.size * 2);
    }
    this.sessions.set(accessKeyId, session);
    for (const oldest of this.sessions.keys()) {
      if (this.sessions.size <= MAX_SESSIONS) break;
      this.sessions.delete(oldest);
    }
    return session;
  }

  find(accessKeyId: string): SandboxSession | undefined {
    const session = this.sessions.get(accessKeyId);
    if (session) {
      // Map order is insertion order: re-inserting keeps the sessions in use at the recent end.
      this.sessions.delete(accessKeyId);
      this.sessions.set(accessKeyId, session);
    }
    return session;
  }

  isExpired(session: SandboxSession): boolean {
    return session.expiresAt <= this.clock();
  }

  private pruneExpired(): void {
    for (const [id, session] of this.sessions) if (this.isExpired(session)) this.sessions.delete(id);
  }
}
