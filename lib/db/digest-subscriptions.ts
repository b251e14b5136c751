/**
 * Digest subscriptions (issue 6). Until sign-in exists, anyone on the digest page manages any
 * subscription; every function takes the subscription id, and `userId` is stored so the auth
 * issue can add an owner check here, in one place.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import type { DigestSchedule } from "@/lib/digest/schedule";
import { scopeFromColumns, scopeToColumns, type DigestScope } from "@/lib/digest/scope";
import type { SubscriptionInput } from "@/lib/digest/subscription-input";
import { newUnsubscribeSecret } from "@/lib/digest/unsubscribe-token";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "./client";
import { getSetting } from "./settings";

export interface DigestSubscriptionView {
  id: string;
  email: string;
  userId: string | null;
  scope: DigestScope;
  schedule: DigestSchedule;
  paused: boolean;
  unsubscribedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** With the secret the unsubscribe link is signed over: for the sender and the unsubscribe endpoint only. */
export interface DigestSubscriptionRecord extends DigestSubscriptionView {
  unsubscribeSecret: string;
}

const select = {
  id: true,
  email: true,
  userId: true,
  scope: true,
  scopeAccounts: true,
  scopeTags: true,
  weekday: true,
  hour: true,
  timeZone: true,
  paused: true,
  unsubscribedAt: true,
  unsubscribeSecret: true,
  createdAt: true,
  updatedAt: true,
} as const;

type Row = Prisma.DigestSubscriptionGetPayload<{ select: typeof select }>;

function toRecord(row: Row): DigestSubscriptionRecord {
  return {
    id: row.id,
    email: row.email,
    userId: row.userId,
    scope: scopeFromColumns(row),
    schedule: { weekday: row.weekday, hour: row.hour, timeZone: row.timeZone },
    paused: row.paused,
    unsubscribedAt: row.unsubscribedAt,
    unsubscribeSecret: row.unsubscribeSecret,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function toView(row: Row): DigestSubscriptionView {
  const { unsubscribeSecret: _secret, ...view } = toRecord(row);
  return view;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from URLs and forms; anything that is not a uuid names no subscription. */
export function isSubscriptionId(value: string): boolean {
  return UUID.test(value);
}

function columns(input: SubscriptionInput) {
  return {
    email: input.email,
    ...scopeToColumns(input.scope),
    weekday: input.schedule.weekday,
    hour: input.schedule.hour,
    timeZone: input.schedule.timeZone,
  };
}

/** Everyone's subscriptions, or one person's (theirs by owner, or ownerless ones to their email). */
export async function listDigestSubscriptions(owner?: { userId: string; email: string }): Promise<DigestSubscriptionView[]> {
  const rows = await db().digestSubscription.findMany({
    where: owner ? { OR: [{ userId: owner.userId }, { userId: null, email: { equals: owner.email, mode: "insensitive" } }] } : undefined,
    select,
    orderBy: [{ email: "asc" }, { createdAt: "asc" }],
  });
  return rows.map(toView);
}

export async function getDigestSubscription(id: string): Promise<DigestSubscriptionRecord | undefined> {
  if (!isSubscriptionId(id)) return undefined;
  const row = await db().digestSubscription.findUnique({ where: { id }, select });
  return row ? toRecord(row) : undefined;
}

export async function createDigestSubscription(input: SubscriptionInput, userId: string | null = null): Promise<DigestSubscriptionView> {
  const row = await db().digestSubscription.create({
    data: { ...columns(input), userId, unsubscribeSecret: newUnsubscribeSecret() },
    select,
  });
  return toView(row);
}

/** False when there is no such subscription. */
export async function updateDigestSubscription(id: string, input: SubscriptionInput): Promise<boolean> {
  if (!isSubscriptionId(id)) return false;
  const result = await db().digestSubscription.updateMany({ where: { id }, data: columns(input) });
  return result.count === 1;
}

export async function setDigestSubscriptionPaused(id: string, paused: boolean): Promise<boolean> {
  if (!isSubscriptionId(id)) return false;
  const result = await db().digestSubscription.updateMany({ where: { id }, data: { paused } });
  return result.count === 1;
}

/** Subscribes again after an unsubscribe; links in emails sent before stay void. */
export async function resubscribeDigest(id: string): Promise<boolean> {
  if (!isSubscriptionId(id)) return false;
  const result = await db().digestSubscription.updateMany({
    where: { id, unsubscribedAt: { not: null } },
    data: { unsubscribedAt: null, paused: false, unsubscribeSecret: newUnsubscribeSecret() },
  });
  return result.count === 1;
}

/** Idempotent: a second click (or a mail client's retry) changes nothing and still succeeds. */
export async function unsubscribeDigest(id: string, at: Date): Promise<void> {
  await db().digestSubscription.updateMany({ where: { id, unsubscribedAt: null }, data: { unsubscribedAt: at } });
}

export async function deleteDigestSubscription(id: string): Promise<boolean> {
  if (!isSubscriptionId(id)) return false;
  const result = await db().digestSubscription.deleteMany({ where: { id } });
  return result.count === 1;
}

export interface ActiveSchedule {
  id: string;
  email: string;
  schedule: DigestSchedule;
  /** Its last change: a slot before it does not count (lib/digest/schedule.ts, dueSlot). */
  changedAt: Date;
}

/** Subscriptions that receive digests: not paused, not unsubscribed. */
export async function listActiveSchedules(): Promise<ActiveSchedule[]> {
  const rows = await db().digestSubscription.findMany({
    where: { paused: false, unsubscribedAt: null },
    select: { id: true, email: true, weekday: true, hour: true, timeZone: true, updatedAt: true },
  });
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    schedule: { weekday: row.weekday, hour: row.hour, timeZone: row.timeZone },
    changedAt: row.updatedAt,
  }));
}

const SIGNING_KEY_SETTING = "digestSigningKey";

/** The installation's key for unsubscribe links, made once; two processes starting at once agree on one. */
export async function getOrCreateDigestSigningKey(): Promise<string> {
  const candidate = randomBytes(32).toString("base64url");
  await db().installationSetting.createMany({ data: [{ key: SIGNING_KEY_SETTING, value: candidate }], skipDuplicates: true });
  return (await getSetting<string>(SIGNING_KEY_SETTING)) ?? candidate;
}
