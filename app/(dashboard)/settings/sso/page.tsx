import type { Metadata } from "next";
import Link from "next/link";
import { SsoSettingsForm } from "@/components/auth/sso-settings-form";
import { PageHeader } from "@/components/ui/page-header";
import { RelativeTime } from "@/components/ui/relative-time";
import { requirePage } from "@/lib/auth/guards";
import { ssoFormValues, ssoRedirectUri } from "@/lib/auth/sso-settings";
import { getSsoSettings } from "@/lib/db/sso-settings";
import { requestPublicBaseUrl } from "@/lib/http/request-public-url";
import { ssoSettingsAction } from "./_actions/sso";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Single sign-on" };

export default async function SsoSettingsPage() {
  await requirePage("manageSso");
  const settings = await getSsoSettings();
  // The redirect URI must be the address people use, and the one Better Auth sends (auth-route.ts builds both from it).
  const origin = await requestPublicBaseUrl();

  return (
    <>
      <PageHeader
        eyebrow={<Link href="/settings">Settings</Link>}
        title="Single sign-on"
        description={
          <>
            Let people sign in with your OpenID Connect identity provider. They are created at their first sign-in with the role their groups
            give, and their provider does their two-factor: iamfit asks them for no TOTP code.
            {settings ? (
              <>
                {" "}
                Last saved <RelativeTime date={settings.updatedAt} />
                {settings.updatedBy ? <> by {settings.updatedBy}</> : null}.
              </>
            ) : null}
          </>
        }
      />
      <SsoSettingsForm
        action={ssoSettingsAction}
        initial={{ values: ssoFormValues(settings), hasSecret: settings !== null, fieldErrors: {} }}
        redirectUri={ssoRedirectUri(origin)}
      />
    </>
  );
}
