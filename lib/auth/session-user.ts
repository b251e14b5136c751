import type { Role } from "./roles";

/** Who is making a request, as every guard and audit entry sees them. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** How this request was authenticated. */
  authMethod: "password" | "sso" | "token";
  /** Set when authMethod is "token": which API token (its public id, never the secret). */
  tokenId?: string;
}
