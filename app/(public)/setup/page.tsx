import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SetupForm } from "@/components/auth/setup-form";
import { getSessionState } from "@/lib/auth/current-user";
import { createFirstAdminAction } from "./_actions/setup";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Set up iamfit", robots: { index: false } };

/** First run only: once anyone exists, this page sends people to sign in (or to finish two-factor). */
export default async function SetupPage() {
  const state = await getSessionState();
  if (state.kind === "needs_two_factor") redirect("/two-factor");
  if (state.kind !== "no_users") redirect("/sign-in");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Set up iamfit</h1>
      <p className="text-sm muted">
        Create the first admin account. There is no default password: this account is how you and, through it, everyone else get in. Next,
        you will set up a code from an authenticator app.
      </p>
      <SetupForm createFirstAdmin={createFirstAdminAction} />
    </div>
  );
}
