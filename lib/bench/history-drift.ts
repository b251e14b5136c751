/**
 * The drift bench:history applies to each account's facts between two simulated collections: what
 * a real fleet shows over a year. Pure and deterministic: the same seed, account and run always
 * give the same changes, whatever order accounts are processed in. The rates are per account and
 * per run (README, "Benchmarks"); a part not drifted keeps its object, so it hashes to the blob
 * already stored, as an unchanged part does in a real collection.
 */
import { mulberry32, hashParts } from "@/lib/sandbox/prng";
import {
  ROOT_USER_ROW,
  type AccountSnapshot,
  type AuthorizationDetails,
  type Bucket,
  type CredentialReport,
  type CredentialReportRow,
  type PartResult,
} from "@/lib/snapshot/schema";

/** Chance per account and run of each change (the credential report's own dates move on every run). */
export const DRIFT_RATES = {
  userJoins: 0.002,
  userLeaves: 0.0015,
  keyCreated: 0.003,
  keyDeactivated: 0.003,
  mfaToggled: 0.002,
  /** A bucket turns public, and back after 2 to 12 runs. */
  bucketTurnsPublic: 0.001,
} as const;

export type DriftEvent = keyof typeof DRIFT_RATES | "bucketBackToPrivate";

/** What one account carries from run to run besides its facts: the bucket to turn back. */
export interface AccountDriftState {
  publicBucket?: { name: string; revertAtRun: number; original: Bucket };
}

export interface DriftInput {
  seed: number;
  snapshot: AccountSnapshot;
  state: AccountDriftState;
  /** 1 for the first run after the initial collection. */
  run: number;
  /** The simulated time of this collection. */
  collectedAt: Date;
  /**
   * "quiet": only the credential report's dates move; "one-change": exactly one posture change
   * (bench:history measures bytes per unchanged and per changed account-run with these).
   */
  mode?: "normal" | "quiet" | "one-change";
}

export interface DriftResult {
  snapshot: AccountSnapshot;
  state: AccountDriftState;
  /** The posture changes of this run (the credential report's dates are not counted). */
  events: DriftEvent[];
}

const HOUR_MS = 3_600_000;
const ALL_USERS_URI = "http://acs.amazonaws.com/groups/global/AllUsers";

type Rows = CredentialReportRow[];

function okData<T>(snapshot: AccountSnapshot, key: string): T | undefined {
  const part = snapshot.parts[key] as PartResult<T> | undefined;
  return part?.status === "ok" ? part.data : undefined;
}

const isoSeconds = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");
const isKeyActive = (row: CredentialReportRow, slot: 1 | 2) => row[`access_key_${slot}_active`] === true;
const userRows = (rows: Rows) => rows.filter((row) => row.user !== ROOT_USER_ROW);

export function driftSnapshot(input: DriftInput): DriftResult {
  const { snapshot, run, collectedAt } = input;
  const random = mulberry32(hashParts("bench-history", input.seed, snapshot.accountId, run));
  const pick = <T>(items: T[]): T | undefined => (items.length === 0 ? undefined : items[Math.floor(random() * items.length)]);
  const mode = input.mode ?? "normal";
  const forced = mode === "one-change" ? (Object.keys(DRIFT_RATES) as Array<keyof typeof DRIFT_RATES>)[Math.floor(random() * 6)] : undefined;
  const chance = (event: keyof typeof DRIFT_RATES) => {
    const draw = random(); // drawn in every mode, so the other draws stay the same
    if (mode === "quiet") return false;
    if (forced) return event === forced;
    return draw < DRIFT_RATES[event];
  };
  const at = isoSeconds(collectedAt);
  const events: DriftEvent[] = [];
  const parts = { ...snapshot.parts };
  let state = input.state;

  const report = okData<CredentialReport>(snapshot, "iam.credentialReport");
  if (report) {
    // AWS generates a new report once the last is four hours old, so every 6-hourly collection
    // reads a new one. Keys in use show a new last-used date once a week (on the account's own
    // weekday), which keeps them "recently used" without rewriting every report every day.
    const usageDay = hashParts("bench-usage-day", snapshot.accountId) % 7;
    const day = Math.floor(collectedAt.getTime() / (24 * HOUR_MS));
    const usageRun = day % 7 === usageDay && collectedAt.getUTCHours() < 6;
    let rows: Rows = report.rows;
    if (usageRun) {
      rows = report.rows.map((row) => {
        let next = row;
        for (const slot of [1, 2] as const) {
          const lastUsed = row[`access_key_${slot}_last_used_date`];
          const inUse = isKeyActive(row, slot) && typeof lastUsed === "string" && /^\d{4}-/.test(lastUsed) && collectedAt.getTime() - Date.parse(lastUsed) < 30 * 24 * HOUR_MS;
          if (inUse) next = { ...next, [`access_key_${slot}_last_used_date`]: isoSeconds(new Date(collectedAt.getTime() - (1 + Math.floor(random() * 20)) * HOUR_MS)) };
        }
        return next;
      });
    }
    const editable = () => {
      if (rows === report.rows) rows = [...report.rows];
      return rows;
    };
    let authorization = okData<AuthorizationDetails>(snapshot, "iam.authorizationDetails");

    if (chance("userJoins")) {
      const template = pick(userRows(rows));
      if (template) {
        const name = `joiner-${run}`;
        const arn = template.arn.replace(/user\/.*$/, `user/${name}`);
        editable().push({
          ...template,
          user: name,
          arn,
          user_creation_time: at,
          password_enabled: false,
          password_last_used: "N/A",
          password_last_changed: "N/A",
          password_next_rotation: "N/A",
          mfa_active: false,
          access_key_1_active: true,
          access_key_1_last_rotated: at,
          access_key_1_last_used_date: "N/A",
          access_key_1_last_used_region: "N/A",
          access_key_1_last_used_service: "N/A",
          access_key_2_active: false,
          access_key_2_last_rotated: "N/A",
          access_key_2_last_used_date: "N/A",
          access_key_2_last_used_region: "N/A",
          access_key_2_last_used_service: "N/A",
        });
        if (authorization) {
          const templateUser = authorization.users.find((user) => user.arn === template.arn) ?? authorization.users[0];
          if (templateUser) {
            authorization = { ...authorization, users: [...authorization.users, { ...templateUser, userName: name, arn, userId: `AIDABENCH${run}`, createDate: at }] };
          }
        }
        events.push("userJoins");
      }
    }
    if (chance("userLeaves")) {
      const leaver = pick(userRows(rows));
      if (leaver) {
        editable().splice(rows.indexOf(leaver), 1);
        if (authorization) authorization = { ...authorization, users: authorization.users.filter((user) => user.arn !== leaver.arn) };
        events.push("userLeaves");
      }
    }
    if (chance("keyCreated")) {
      const user = pick(userRows(rows).filter((row) => !isKeyActive(row, 2)));
      if (user) {
        editable()[rows.indexOf(user)] = { ...user, access_key_2_active: true, access_key_2_last_rotated: at, access_key_2_last_used_date: "N/A" };
        events.push("keyCreated");
      }
    }
    if (chance("keyDeactivated")) {
      const user = pick(userRows(rows).filter((row) => isKeyActive(row, 1) || isKeyActive(row, 2)));
      if (user) {
        const slot = isKeyActive(user, 1) ? 1 : 2;
        editable()[rows.indexOf(user)] = { ...user, [`access_key_${slot}_active`]: false };
        events.push("keyDeactivated");
      }
    }
    if (chance("mfaToggled")) {
      const user = pick(userRows(rows).filter((row) => row.password_enabled === true));
      if (user) {
        editable()[rows.indexOf(user)] = { ...user, mfa_active: user.mfa_active !== true };
        events.push("mfaToggled");
      }
    }
    const generatedAt = isoSeconds(new Date(collectedAt.getTime() - 5 * 60_000));
    parts["iam.credentialReport"] = { status: "ok", data: { generatedAt, rows } satisfies CredentialReport };
    if (authorization && authorization !== okData(snapshot, "iam.authorizationDetails")) {
      parts["iam.authorizationDetails"] = { status: "ok", data: authorization };
    }
  }

  const buckets = okData<Bucket[]>(snapshot, "s3.buckets");
  if (buckets) {
    if (state.publicBucket && run >= state.publicBucket.revertAtRun) {
      const { original } = state.publicBucket;
      parts["s3.buckets"] = { status: "ok", data: buckets.map((bucket) => (bucket.name === original.name ? original : bucket)) };
      state = {};
      events.push("bucketBackToPrivate");
    } else if (!state.publicBucket && chance("bucketTurnsPublic")) {
      const bucket = pick(buckets);
      if (bucket) {
        const opened: Bucket = {
          ...bucket,
          publicAccessBlock: { ok: true, value: null },
          acl: { ok: true, value: { grants: [{ granteeType: "Group", granteeUri: ALL_USERS_URI, permission: "READ" }] } },
        };
        parts["s3.buckets"] = { status: "ok", data: buckets.map((item) => (item === bucket ? opened : item)) };
        state = { publicBucket: { name: bucket.name, revertAtRun: run + 2 + Math.floor(random() * 11), original: bucket } };
        events.push("bucketTurnsPublic");
      }
    }
  }

  return { snapshot: { ...snapshot, collectedAt: collectedAt.toISOString(), parts }, state, events };
}
