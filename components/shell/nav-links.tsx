"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/", label: "Scorecard" },
  { href: "/accounts", label: "Accounts" },
  { href: "/checklists", label: "Checklists" },
  { href: "/organization", label: "Organization" },
  { href: "/runs", label: "Collections" },
  { href: "/digests", label: "Digest" },
  { href: "/settings", label: "Settings" },
] as const;

export function isCurrentSection(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

export function NavLinks() {
  const pathname = usePathname();
  return (
    <ul className="flex items-center gap-1">
      {LINKS.map((link) => {
        const current = isCurrentSection(pathname, link.href);
        return (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={current ? "page" : undefined}
              className={`block rounded-md px-3 py-1.5 text-sm font-medium no-underline hover:no-underline focus-visible:outline-white ${
                current ? "bg-white/15 text-white" : "text-zinc-300 hover:bg-white/10 hover:text-white"
              }`}
            >
              {link.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
