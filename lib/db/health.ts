import "server-only";
import { db } from "./client";

export async function healthCheck(): Promise<{ ok: boolean; error?: string }> {
  try {
    await db().$queryRaw`SELECT 1`;
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
