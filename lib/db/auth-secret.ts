/**
 * The generated auth secret of an installation that has no IAMFIT_AUTH_SECRET: created once, by
 * whichever process asks first, and shared by every web process through the database.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "./client";

const AUTH_SECRET_KEY = "authSecret";

export async function getOrCreateAuthSecret(): Promise<string> {
  const candidate = randomBytes(32).toString("base64url");
  // Insert-if-absent so two processes starting at once agree on one value.
  await db().installationSetting.createMany({ data: [{ key: AUTH_SECRET_KEY, value: candidate }], skipDuplicates: true });
  const row = await db().installationSetting.findUnique({ where: { key: AUTH_SECRET_KEY } });
  return typeof row?.value === "string" ? row.value : candidate;
}
