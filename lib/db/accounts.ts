/**
 * Linked accounts: the AWS accounts iamfit audits.
 */
import "server-only";
import type { ValidLinkAccountInput } from "@/lib/accounts/link-input";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "./client";

export interface LinkedAccountView {
  id: string;
  awsAccountId: string;
  name: string;
  roleArn: string;
  externalId: string;
  tags: Record<string, string>;
  source: string;
  createdAt: Date;
  lastEvaluatedRunId: bigint | null;
  lastCollectedAt: Date | null;
  lastStatus: string;
  lastError: { api?: string; code?: string; message?: string } | null;
}

const accountSelect = {
  id: true,
  awsAccountId: true,
  name: true,
  roleArn: true,
  externalId: true,
  tags: true,
  source: true,
  createdAt: true,
  lastEvaluatedRunId: true,
  lastCollectedAt: true,
  lastStatus: true,
  lastError: true,
} as const;

function toView(row: Prisma.LinkedAccountGetPayload<{ select: typeof accountSelect }>): LinkedAccountView {
  return {
    ...row,
    tags: (row.tags ?? {}) as Record<string, string>,
    lastError: row.lastError as LinkedAccountView["lastError"],
  };
}

export class AccountAlreadyLinkedError extends Error {
  constructor(readonly awsAccountId: string) {
    super(`Account ${awsAccountId} is already linked.`);
    this.name = "AccountAlreadyLinkedError";
  }
}

export class AccountNotFoundError extends Error {
  constructor(readonly awsAccountId: string) {
    super(`Account ${awsAccountId} is not linked.`);
    this.name = "AccountNotFoundError";
  }
}

export async function listLinkedAccounts(): Promise<LinkedAccountView[]> {
  const rows = await db().linkedAccount.findMany({
    where: { removedAt: null },
    select: accountSelect,
    orderBy: [{ name: "asc" }, { awsAccountId: "asc" }],
  });
  return rows.map(toView);
}

export async function countLinkedAccounts(): Promise<number> {
  return db().linkedAccount.count({ where: { removedAt: null } });
}

export async function getLinkedAccount(awsAccountId: string): Promise<LinkedAccountView | undefined> {
  const row = await db().linkedAccount.findFirst({ where: { awsAccountId, removedAt: null }, select: accountSelect });
  return row ? toView(row) : undefined;
}

export async function getLinkedAccountsByIds(ids: string[]): Promise<LinkedAccountView[]> {
  const rows = await db().linkedAccount.findMany({ where: { id: { in: ids } }, select: accountSelect });
  return rows.map(toView);
}

/**
 * Links an account. Linking one that was removed before restores it (with its history).
 * Nothing is half-saved: it is one statement.
 */
export async function linkAccount(
  input: ValidLinkAccountInput & { externalId: string },
  source = "manual",
): Promise<LinkedAccountView> {
  const existing = await db().linkedAccount.findUnique({ where: { awsAccountId: input.accountId } });
  if (existing && !existing.removedAt) throw new AccountAlreadyLinkedError(input.accountId);
  const data = {
    name: input.name,
    roleArn: input.roleArn,
    externalId: input.externalId,
    tags: input.tags,
    source,
    removedAt: null,
  };
  try {
    const row = existing
      ? await db().linkedAccount.update({ where: { id: existing.id }, data, select: accountSelect })
      : await db().linkedAccount.create({ data: { awsAccountId: input.accountId, ...data }, select: accountSelect });
    return toView(row);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AccountAlreadyLinkedError(input.accountId);
    }
    throw error;
  }
}

/** Removes an account from the scorecard; its history stays until it is linked again or purged. */
export async function removeLinkedAccount(awsAccountId: string): Promise<void> {
  const result = await db().linkedAccount.updateMany({
    where: { awsAccountId, removedAt: null },
    data: { removedAt: new Date() },
  });
  if (result.count === 0) throw new AccountNotFoundError(awsAccountId);
}

export async function hasEverLinkedAccounts(): Promise<boolean> {
  return (await db().linkedAccount.count()) > 0;
}
