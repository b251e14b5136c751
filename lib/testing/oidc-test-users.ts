/**
 * The people of the test OpenID provider (lib/testing/oidc-provider.ts), apart from the provider
 * itself so that code which only names them (the journeys) never loads the provider package.
 */
export interface OidcTestUser {
  sub: string;
  email: string;
  /** Omitted from the claims when undefined, as some directories do. */
  emailVerified?: boolean;
  name: string;
  groups: string[];
}

export const OIDC_TEST_USERS = {
  alice: { sub: "alice-0001", email: "alice@example.com", emailVerified: true, name: "Alice Admin", groups: ["iamfit-admins", "everyone"] },
  bob: { sub: "bob-0002", email: "bob@example.com", emailVerified: true, name: "Bob Viewer", groups: ["iamfit-viewers", "everyone"] },
  eve: { sub: "eve-0003", email: "eve@evil.test", emailVerified: true, name: "Eve Outsider", groups: ["iamfit-admins"] },
} satisfies Record<string, OidcTestUser>;

export interface OidcTestClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}
