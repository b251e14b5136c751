/**
 * The authorization matrix: every server action, page and route handler against every role.
 *
 * Actions are called for real (on a real database) with each role's session: a role below the
 * action's capability is refused before the action runs, with an audit entry and one log line,
 * and gets the action's own error result (or the "not allowed" page), never a thrown error (an
 * HTTP 500 with a stack trace); a role at or above it gets past the check (the empty form then
 * fails validation, which is fine). Pages and route
 * handlers are read from source: each must call its guard with the capability the table says, or
 * be listed as public. A new action, page or route without an entry here fails the test.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { listAuditEvents } from "@/lib/db/audit";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { notAllowedMessage } from "./guards";
import { CAPABILITY_ROLE, roleAllows, ROLES, type Capability, type Role } from "./roles";
import type { SessionUser } from "./session-user";

const session = vi.hoisted(() => ({ state: { kind: "signed_out" } as { kind: string; user?: SessionUser } }));
vi.mock("./current-user", async (importOriginal) => ({
  ...(await importOriginal<typeof import("./current-user")>()),
  getSessionState: async () => session.state,
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-iamfit-client-address": "203.0.113.5" }), cookies: async () => ({ get: () => undefined }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const ROOT = path.resolve(__dirname, "../..");

/** Every server action, by export name: the capability it needs and how it is called. */
const ACTIONS: Record<string, { capability: Capability; call: "state" | "form" }> = {
  testLinkedAccountConnectionAction: { capability: "manageAccounts", call: "state" },
  removeAccountAction: { capability: "manageAccounts", call: "state" },
  linkAccountFormAction: { capability: "manageAccounts", call: "state" },
  collectAccountsAction: { capability: "collect", call: "state" },
  cancelCollectionAction: { capability: "collect", call: "state" },
  changeChecklistAction: { capability: "workChecklists", call: "state" },
  applySandboxFixAction: { capability: "workChecklists", call: "state" },
  saveSubscriptionAction: { capability: "manageOwnDigest", call: "state" },
  setPausedAction: { capability: "manageOwnDigest", call: "form" },
  resubscribeAction: { capability: "manageOwnDigest", call: "form" },
  deleteSubscriptionAction: { capability: "manageOwnDigest", call: "form" },
  sendTestDigestAction: { capability: "manageOwnDigest", call: "form" },
  discoverOrganizationAction: { capability: "manageAccounts", call: "state" },
  organizationSelectionAction: { capability: "manageAccounts", call: "state" },
  saveOrganizationSettingsAction: { capability: "manageAccounts", call: "state" },
  saveRegionScopeAction: { capability: "manageSettings", call: "state" },
  saveAccountScopeAction: { capability: "manageSettings", call: "state" },
  saveAccountRegionScopeAction: { capability: "manageSettings", call: "state" },
  createApiTokenAction: { capability: "manageOwnTokens", call: "state" },
  revokeApiTokenAction: { capability: "manageOwnTokens", call: "state" },
  createUserAction: { capability: "manageUsers", call: "state" },
  changeUserAction: { capability: "manageUsers", call: "state" },
  ssoSettingsAction: { capability: "manageSso", call: "state" },
  saveAlertDestinationAction: { capability: "manageSettings", call: "state" },
  setAlertDestinationEnabledAction: { capability: "manageSettings", call: "form" },
  deleteAlertDestinationAction: { capability: "manageSettings", call: "form" },
  sendTestAlertAction: { capability: "manageSettings", call: "state" },
};

/** Actions anyone may call, and why that is safe. */
const PUBLIC_ACTIONS: Record<string, string> = {
  createFirstAdminAction: "works only while no user exists (first run), under a database lock",
  signOutAction: "ends the caller's own session, nothing else",
};

/** Every dashboard page (path under app/(dashboard)) and the capability its guard asks for. */
const PAGES: Record<string, Capability> = {
  "page.tsx": "browse",
  "accounts/page.tsx": "browse",
  "accounts/new/page.tsx": "manageAccounts",
  "accounts/health/page.tsx": "browse",
  "accounts/[accountId]/page.tsx": "browse",
  "accounts/[accountId]/checklist/page.tsx": "browse",
  "accounts/[accountId]/compliance/page.tsx": "browse",
  "accounts/[accountId]/exercises/[exercise]/page.tsx": "browse",
  "accounts/[accountId]/resources/page.tsx": "browse",
  "audit/page.tsx": "readAuditLog",
  "changes/page.tsx": "browse",
  "checklists/page.tsx": "browse",
  "compliance/page.tsx": "browse",
  "digests/page.tsx": "manageOwnDigest",
  "digests/outbox/page.tsx": "manageDigests",
  "exercises/[exercise]/page.tsx": "browse",
  "not-allowed/page.tsx": "browse",
  "onboarding/templates/page.tsx": "manageAccounts",
  "organization/page.tsx": "manageAccounts",
  "runs/page.tsx": "browse",
  "runs/[runId]/page.tsx": "browse",
  "settings/page.tsx": "manageSettings",
  "settings/tokens/page.tsx": "manageOwnTokens",
  "settings/users/page.tsx": "manageUsers",
  "settings/sso/page.tsx": "manageSso",
  "settings/alerts/page.tsx": "manageSettings",
  "settings/alerts/[id]/page.tsx": "manageSettings",
};

/** Every route handler: its guard's capability, "api-token" for /api/v1, or why it is public. */
const ROUTES: Record<string, Capability | "api-token" | { public: string }> = {
  "app/(dashboard)/accounts/[accountId]/checklist/export/route.ts": "browse",
  "app/(dashboard)/accounts/[accountId]/compliance/export/route.ts": "browse",
  "app/(dashboard)/compliance/export/route.ts": "browse",
  "app/(dashboard)/accounts/[accountId]/exercises/[exercise]/export/route.ts": "browse",
  "app/(dashboard)/exercises/[exercise]/export/route.ts": "browse",
  "app/(dashboard)/audit/export/route.ts": "readAuditLog",
  "app/(dashboard)/findings/[findingId]/evidence/route.ts": "browse",
  "app/(dashboard)/digests/outbox/[file]/route.ts": "manageDigests",
  "app/api/runs/active/route.ts": "browse",
  "app/api/v1/accounts/route.ts": "api-token",
  "app/api/v1/findings/route.ts": "api-token",
  "app/api/v1/runs/route.ts": "api-token",
  "app/api/v1/scorecard/route.ts": "api-token",
  "app/api/v1/collections/route.ts": "api-token",
  "app/api/health/route.ts": { public: "load balancers probe it; it tells only whether the database answers" },
  "app/api/digest/unsubscribe/route.ts": { public: "RFC 8058 one-click unsubscribe, authorized by the signed link" },
  "app/api/auth/[...all]/route.ts": { public: "Better Auth's own endpoints (sign-in, two-factor, SSO callbacks)" },
};

function filesUnder(dir: string, match: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : filesUnder(full, match);
    return match(entry.name) ? [full] : [];
  });
}

const serverActionFiles = filesUnder(path.join(ROOT, "app"), (name) => /\.tsx?$/.test(name) && !name.includes(".test.")).filter((file) =>
  /^\s*["']use server["']/m.test(readFileSync(file, "utf8")),
);

function userWith(role: Role): SessionUser {
  return { id: `user-${role}`, email: `${role}@example.com`, name: role, role, authMethod: "password" };
}

async function callAction(action: (...args: unknown[]) => Promise<unknown>, call: "state" | "form"): Promise<unknown> {
  try {
    return await (call === "state" ? action(null, new FormData()) : action(new FormData()));
  } catch (error) {
    return error;
  }
}

describe("the authorization matrix", () => {
  let database: TestDatabase;
  let actions: Record<string, (...args: unknown[]) => Promise<unknown>>;
  beforeAll(async () => {
    database = await createTestDatabase();
    actions = {};
    for (const file of serverActionFiles) Object.assign(actions, await import(file));
  });
  afterAll(async () => database?.drop());

  it("has an entry for every server action, and every entry is an action", () => {
    expect(Object.keys(actions).sort()).toEqual([...Object.keys(ACTIONS), ...Object.keys(PUBLIC_ACTIONS)].sort());
  });

  for (const [name, expected] of Object.entries(ACTIONS)) {
    for (const role of ROLES) {
      const allowed = roleAllows(role, expected.capability);
      it(`${name}: ${role} is ${allowed ? "let through" : "refused"} (needs ${CAPABILITY_ROLE[expected.capability]})`, async () => {
        session.state = { kind: "signed_in", user: userWith(role) };
        const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
        const outcome = await callAction(actions[name]!, expected.call);
        const refusals = warn.mock.calls.filter(([line]) => String(line).includes("refused"));
        warn.mockRestore();
        const refusal = notAllowedMessage(expected.capability);
        if (allowed) {
          expect(JSON.stringify(outcome ?? null)).not.toContain(refusal);
          expect(refusals).toEqual([]);
        } else {
          if (expected.call === "state") {
            // The action's own error result, carrying the reason, returned (not thrown).
            expect(outcome).not.toBeInstanceOf(Error);
            expect(JSON.stringify(outcome)).toContain(refusal);
          } else {
            // A plain form post has no result to show: it lands on the page saying which role is needed.
            expect(String((outcome as { digest?: string })?.digest)).toContain(`/not-allowed?need=${CAPABILITY_ROLE[expected.capability]}`);
          }
          expect(refusals).toEqual([[`[iamfit] refused: ${role}@example.com (${role}) tried an action that needs the ${CAPABILITY_ROLE[expected.capability]} role`]]);
          const [entry] = (await listAuditEvents({ action: "authz.denied" }, { limit: 1 })).rows;
          expect(entry).toMatchObject({ actorEmail: `${role}@example.com`, outcome: "denied", ip: "203.0.113.5", detail: { capability: expected.capability, role } });
        }
      });
    }
    it(`${name}: a signed-out request is sent to sign in and never runs`, async () => {
      session.state = { kind: "signed_out" };
      const outcome = (await callAction(actions[name]!, expected.call)) as { digest?: string };
      expect(String(outcome?.digest)).toContain("NEXT_REDIRECT");
      expect(String(outcome?.digest)).toContain("/sign-in");
    });
  }

  it("guards every dashboard page on the server with the capability in the table", () => {
    const base = path.join(ROOT, "app/(dashboard)");
    const pages = filesUnder(base, (name) => name === "page.tsx").map((file) => path.relative(base, file).split(path.sep).join("/"));
    expect(pages.sort()).toEqual(Object.keys(PAGES).sort());
    for (const page of pages) {
      const source = readFileSync(path.join(base, page), "utf8");
      expect(source, page).toMatch(new RegExp(`requirePage\\("${PAGES[page]}"\\)`));
    }
  });

  it("guards every route handler, or lists why it is public", () => {
    const routes = filesUnder(path.join(ROOT, "app"), (name) => name === "route.ts").map((file) => path.relative(ROOT, file).split(path.sep).join("/"));
    expect(routes.sort()).toEqual(Object.keys(ROUTES).sort());
    for (const route of routes) {
      const expected = ROUTES[route]!;
      const source = readFileSync(path.join(ROOT, route), "utf8");
      if (expected === "api-token") expect(source, route).toMatch(/api(Route|Mutation)\(/);
      else if (typeof expected === "string") expect(source, route).toMatch(new RegExp(`requireRoute\\("${expected}"\\)`));
    }
  });
});
