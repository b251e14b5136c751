import { Suspense } from "react";
import { getSsoSignInOption } from "@/lib/db/sso-settings";
import { SsoSignInAction } from "./sso-sign-in-action";

/**
 * The sign-in page's single sign-on part: "Sign in with <provider>" when an admin turned SSO on
 * (/settings/sso), nothing otherwise. Also explains why an SSO sign-in came back refused.
 */
export async function SsoSignInButton() {
  const option = await getSsoSignInOption();
  if (!option) return null;
  return (
    // useSearchParams (?next=, ?error=) wants a Suspense boundary.
    <Suspense fallback={null}>
      <SsoSignInAction providerName={option.displayName} />
    </Suspense>
  );
}
