import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { SsoSettingsForm } from "@/components/auth/sso-settings-form";
import { PageHeader } from "@/components/ui/page-header";
import { RelativeTime } from "@/components/ui/relative-time";
import { requirePage } from "@/lib/auth/guards";
import { ssoFormValues, ssoRedirectUri } from "@/lib/auth/sso-settings";
import { getSsoSettings } from "@/lib/db/sso-settings";
import { env } from "@/lib/env";
import { requestSiteOrigin } from "@/lib/security/request-rules";
import { ssoSettingsAction } from "./_actions/sso";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Single sign-on" };

export default async function SsoSettingsPage() {
  await requirePage("manageSso");
  const settings = await getSsoSettings();
  const config = env();
  // The redirect URI must be the address people use: the configured public URL, else this request's.
  const origin = config.IAMFIT_PUBLIC_URL ?? requestSiteOrigin(await headers(), "http://localhost");

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
