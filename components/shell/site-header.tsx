import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import type { SessionUser } from "@/lib/auth/session-user";
import { AccessLinks, NavLinks } from "./nav-links";

export function SiteHeader({ mode, description, user }: { mode: "aws" | "sandbox" | null; description: string | null; user: SessionUser }) {
  return (
    <header className="border-b border-zinc-800 bg-zinc-900 text-white dark:bg-black">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2.5">
        <Link href="/" className="flex items-center gap-2 text-white no-underline hover:no-underline focus-visible:outline-white">
          <span aria-hidden="true" className="grid h-7 w-7 place-items-center rounded-md bg-indigo-500 text-sm font-bold">
            fit
          </span>
          <span className="text-base font-semibold tracking-tight">iamfit</span>
        </Link>
        <nav aria-label="Main">
          <NavLinks role={user.role} />
        </nav>
        <div className="ml-auto flex flex-wrap items-center gap-3 text-xs">
          {mode === "sandbox" ? (
            <span
              title={description ?? undefined}
              className="rounded-full border border-amber-400/60 bg-amber-400/15 px-2.5 py-1 font-semibold text-amber-200"
            >
              Sandbox organization
            </span>
          ) : null}
          <nav aria-label="Access">
            <AccessLinks role={user.role} />
          </nav>
          <div className="flex items-center gap-2 border-l border-white/15 pl-3" data-testid="signed-in-user">
            <span className="text-right leading-tight">
              <span className="block max-w-40 truncate font-medium text-white" title={user.email}>
                {user.name}
              </span>
              <span className="block text-zinc-400">{user.role}</span>
            </span>
            <SignOutButton onDark />
          </div>
        </div>
      </div>
    </header>
  );
}
