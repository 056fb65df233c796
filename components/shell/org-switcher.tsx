"use client";

import Link from "next/link";
import { PopoverMenu } from "@/components/ui/popover-menu";
import type { Role } from "@/lib/generated/prisma/enums";

export type SwitcherOrg = { slug: string; name: string; role: Role };

export function OrgSwitcher({ current, organizations }: { current: { slug: string; name: string }; organizations: SwitcherOrg[] }) {
  return (
    <PopoverMenu
      label="Switch organization"
      testId="org-switcher"
      trigger={
        <>
          <span className="flex size-5 items-center justify-center rounded bg-zinc-800 text-[10px] font-semibold text-white uppercase">{current.name.slice(0, 1)}</span>
          <span className="max-w-48 truncate font-medium text-zinc-900">{current.name}</span>
          <svg viewBox="0 0 16 16" className="size-3.5 text-zinc-400" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden>
            <path d="M5 6.5L8 3.5l3 3M5 9.5l3 3 3-3" />
          </svg>
        </>
      }
    >
      {(close) => (
        <>
          <div className="px-3 pt-1.5 pb-1 text-[11px] font-semibold tracking-wide text-zinc-400 uppercase">Organizations</div>
          {organizations.map((org) => (
            <Link
              key={org.slug}
              href={`/o/${org.slug}`}
              role="menuitem"
              onClick={close}
              className="flex items-center justify-between gap-3 px-3 py-1.5 text-sm hover:bg-zinc-50"
            >
              <span className={org.slug === current.slug ? "font-medium text-zinc-900" : "text-zinc-700"}>{org.name}</span>
              <span className="text-[11px] text-zinc-400">{org.slug === current.slug ? "current" : org.role.toLowerCase()}</span>
            </Link>
          ))}
          <div className="my-1 border-t border-zinc-100" />
          <Link href="/orgs/new" role="menuitem" onClick={close} className="block px-3 py-1.5 text-sm text-brand-700 hover:bg-zinc-50">
            + Create organization
          </Link>
        </>
      )}
    </PopoverMenu>
  );
}
