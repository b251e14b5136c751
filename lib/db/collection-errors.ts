/**
 * Errors stored as JSON on accounts and collections (an AWS error code and message, sometimes
 * an API and region), read back into one typed shape. Stored rows come from several writers
 * (collectors, the worker's failure paths), so every field but the message is optional here.
 */
import "server-only";
import { z } from "zod";

export interface StoredCollectionError {
  api?: string;
  code: string;
  message: string;
  region?: string;
}

const storedErrorSchema = z.object({
  api: z.string().optional().catch(undefined),
  code: z.string().catch("Unknown"),
  message: z.string().catch(""),
  region: z.string().optional().catch(undefined),
});

export function parseStoredError(value: unknown): StoredCollectionError | null {
  if (value === null || value === undefined || typeof value !== "object") return null;
  const parsed = storedErrorSchema.safeParse(value);
  if (!parsed.success) return null;
  const { api, code, message, region } = parsed.data;
  return { code, message, ...(api ? { api } : {}), ...(region ? { region } : {}) };
}

export function parseStoredErrors(value: unknown): StoredCollectionError[] {
  if (!Array.isArray(value)) return [];
  return value.map(parseStoredError).filter((error): error is StoredCollectionError => error !== null);
}

/*
 * The error as the scorecard and digest show it: every field optional, extra fields kept, so a
 * well-formed stored error reads back exactly as written; anything else (not an object, a field
 * of the wrong type) reads as no error rather than reaching a page as it is.
 */
const accountErrorSchema = z
  .looseObject({ api: z.string().optional(), code: z.string().optional(), message: z.string().optional(), region: z.string().optional() });

export type StoredAccountError = z.infer<typeof accountErrorSchema>;

export function parseAccountError(value: unknown): StoredAccountError | null {
  const parsed = accountErrorSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
