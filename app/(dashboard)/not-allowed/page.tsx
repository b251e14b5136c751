import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { buttonClass } from "@/components/ui/button-classes";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePage } from "@/lib/auth/guards";
import { roleSchema } from "@/lib/auth/roles";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Not allowed" };

/** Where a page sends someone whose role is below what it needs (lib/auth/guards). */
export default async function NotAllowedPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePage("browse");
  const need = roleSchema.catch("admin").parse((await searchParams).need);
  return (
    <EmptyState
      title="Not allowed"
      headingLevel={1}
      action={
        <Link href="/" className={buttonClass("primary")}>
          Scorecard
        </Link>
      }
    >
      That page needs the {need} role; you are signed in as {user.email} with the {user.role} role. An admin can change your role under Users.
    </EmptyState>
  );
}
