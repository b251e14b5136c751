import type { ApiTokenScope } from "@/lib/auth/api-tokens";

export type CreateTokenState =
  | null
  | { ok: false; fieldErrors: Record<string, string> }
  | { ok: true; created: { id: string; name: string; secret: string; scope: ApiTokenScope; expiresAt: string } };

export type RevokeTokenState = null | { tone: "success" | "error"; message: string };

export type CreateTokenAction = (previous: CreateTokenState, formData: FormData) => Promise<CreateTokenState>;
export type RevokeTokenAction = (previous: RevokeTokenState, formData: FormData) => Promise<RevokeTokenState>;
