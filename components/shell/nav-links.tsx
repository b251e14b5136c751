"use client";

import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";
import { roleAllows, type Capability, type Role } from "@/lib/auth/roles";

/** Each link with the capability its page asks for: a role sees only the pages it may open. */
type NavLink = { href: string; label: string; capability: Capability };

const LINKS: readonly NavLink[] = [
  { href: "/", label: "Scorecard", capability: "browse" },
  { href: "/accounts", label: "Accounts", capability: "browse" },
  { href: "/checklists", label: "Checklists", capability: "browse" },
  { href: "/compliance", label: "CIS benchmark", capability: "browse" },
  { href: "/organization", label: "Organization", capability: "manageAccounts" },
  { href: "/runs", label: "Collections", capability: "browse" },
  { href: "/digests", label: "Digest", capability: "manageOwnDigest" },
  { href: "/settings", label: "Settings", capability: "manageSettings" },
  { href: "/settings/alerts", label: "Alerts", capability: "manageSettings" },
];

/** Links about people and access. */
const ACCESS_LINKS: readonly NavLink[] = [
  { href: "/settings/users", label: "Users", capability: "manageUsers" },
  { href: "/audit", label: "Audit log", capability: "readAuditLog" },
  { href: "/settings/sso", label: "SSO", capability: "manageSso" },
  { href: "/settings/tokens", label: "API tokens", capability: "manageOwnTokens" },
];

export function isCurrentSection(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

/** The most specific link matches: /settings/users is "Users", not also "Settings". */
function currentHref(pathname: string, hrefs: string[]): string | undefined {
  return hrefs.filter((href) => isCurrentSection(pathname, href)).sort((a, b) => b.length - a.length)[0];
}

function linkClass(current: boolean, size: "md" | "sm"): string {
  const spacing = size === "md" ? "px-3 py-1.5 text-sm" : "px-2 py-1 text-xs";
  return `block rounded-md ${spacing} font-medium no-underline hover:no-underline focus-visible:outline-white ${
    current ? "bg-white/15 text-white" : "text-zinc-300 hover:bg-white/10 hover:text-white"
  }`;
}

/**
 * Pages render whole before they answer (no loading.tsx, so a failing page answers 500, not a
 * 200 error page): the link being followed shows that the next page is on its way.
 */
function PendingMark() {
  const { pending } = useLinkStatus();
  return pending ? (
    <span role="status" className="ml-1.5 inline-block h-2 w-2 animate-pulse rounded-full bg-indigo-300 align-middle">
      <span className="sr-only">Loading…</span>
    </span>
  ) : null;
}

export function NavLinks({ role }: { role: Role }) {
  const pathname = usePathname();
  const links = LINKS.filter((link) => roleAllows(role, link.capability));
  const accessLinks = ACCESS_LINKS.filter((link) => roleAllows(role, link.capability));
  const current = currentHref(pathname, [...links.map((link) => link.href), ...accessLinks.map((link) => link.href)]);
  return (
    <ul className="flex flex-wrap items-center gap-1">
      {links.map((link) => (
        <li key={link.href}>
          <Link href={link.href} aria-current={current === link.href ? "page" : undefined} className={linkClass(current === link.href, "md")}>
            {link.label}
            <PendingMark />
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function AccessLinks({ role }: { role: Role }) {
  const pathname = usePathname();
  const links = ACCESS_LINKS.filter((link) => roleAllows(role, link.capability));
  const current = currentHref(pathname, [...LINKS.map((link) => link.href), ...links.map((link) => link.href)]);
  return (
    <ul className="flex flex-wrap items-center gap-0.5">
      {links.map((link) => (
        <li key={link.href}>
          <Link href={link.href} aria-current={current === link.href ? "page" : undefined} className={linkClass(current === link.href, "sm")}>
            {link.label}
            <PendingMark />
          </Link>
        </li>
      ))}
    </ul>
  );
}
