import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { StartEnrolmentForm } from "@/components/auth/start-enrolment-form";
import { TotpCodeForm } from "@/components/auth/totp-code-form";
import { TotpEnrolmentPanel } from "@/components/auth/totp-enrolment-panel";
import { getSessionState } from "@/lib/auth/current-user";
import { AUTH_COOKIE_PREFIX } from "@/lib/auth/session-cookie";
import { pendingEnrolment } from "@/lib/auth/totp-enrolment";
import { nextFromSearchParams, signInPath } from "@/lib/security/safe-next";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Two-factor authentication", robots: { index: false } };

/** Better Auth's cookie for a sign-in waiting for its code ("two_factor", with our prefix). */
async function hasTwoFactorChallenge(): Promise<boolean> {
  const name = `${AUTH_COOKIE_PREFIX}.two_factor`;
  return (await cookies()).getAll().some((cookie) => cookie.name === name || cookie.name === `__Secure-${name}`);
}

/**
 * The second step of every password sign-in: the code from the authenticator app, or, for a
 * password user who has none yet, the mandatory enrolment (nothing else opens until it is done).
 */
export default async function TwoFactorPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = nextFromSearchParams(await searchParams);
  const signInHref = signInPath(next);
  const state = await getSessionState();
  if (state.kind === "no_users") redirect("/setup");
  if (state.kind === "signed_in") redirect(next);

  if (state.kind === "needs_two_factor") {
    const enrolment = await pendingEnrolment(state.user);
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold tracking-tight">Set up two-factor authentication</h1>
        <p className="text-sm muted">
          Every iamfit account with a password also needs a code from an authenticator app. Set it up once for{" "}
          <strong className="text-zinc-900 dark:text-zinc-100">{state.user.email}</strong>; from then on you enter a code after your password.
        </p>
        {enrolment ? <TotpEnrolmentPanel enrolment={enrolment} next={next} signInHref={signInHref} /> : <StartEnrolmentForm />}
        <div className="flex justify-end">
          <SignOutButton variant="secondary" />
        </div>
      </div>
    );
  }

  if (!(await hasTwoFactorChallenge())) redirect(signInHref);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Enter your code</h1>
      <p className="text-sm muted">Open your authenticator app and enter the 6-digit code for iamfit.</p>
      <div className="card p-5">
        <TotpCodeForm next={next} submitLabel="Verify" signInHref={signInHref} />
      </div>
    </div>
  );
}
