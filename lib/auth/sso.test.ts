import type { AuthContext } from "better-auth";
import { describe, expect, it } from "vitest";
import { ssoPlugins } from "./sso";

function init(options: Record<string, unknown>) {
  const [plugin] = ssoPlugins();
  return plugin!.init!({ options } as unknown as AuthContext);
}

describe("the SSO plugin's set-up", () => {
  it("adds the SSO policy as Better Auth's validateUserInfo gate", () => {
    const result = init({ user: { modelName: "authUser" } }) as { options: { user: { validateUserInfo?: unknown }; account: unknown } };
    expect(typeof result.options.user.validateUserInfo).toBe("function");
    expect(result.options.account).toEqual({ encryptOAuthTokens: true });
  });

  it("refuses to start when the app sets its own validateUserInfo, which would silently replace the policy", () => {
    expect(() => init({ user: { validateUserInfo: () => undefined } })).toThrow(/validateUserInfo/);
  });
});
