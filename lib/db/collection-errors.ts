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
