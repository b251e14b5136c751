import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { SsoSignInButton } from "@/components/auth/sso-sign-in-button";
import { getSessionState } from "@/lib/auth/current-user";
import { nextFromSearchParams } from "@/lib/security/safe-next";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = nextFromSearchParams(await searchParams);
  const state = await getSessionState();
  if (state.kind === "no_users") redirect("/setup");
  if (state.kind === "signed_in") redirect(next);
  if (state.kind === "needs_two_factor") redirect(`/two-factor?${new URLSearchParams({ next }).toString()}`);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Sign in</h1>
      <SignInForm next={next} />
      <SsoSignInButton />
    </div>
  );
}
