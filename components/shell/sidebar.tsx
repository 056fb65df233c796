"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { Logo } from "@/components/shell/logo";
import { NavIcon } from "@/components/shell/nav-icon";
import { NAV_GROUPS } from "@/components/shell/nav-items";

export function Sidebar({ slug }: { slug: string }) {
  const pathname = usePathname();
  const root = `/o/${slug}`;
  return (
    // Below md the sidebar is an icon rail (labels stay for screen readers), so pages keep the width.
    <aside className="flex w-14 shrink-0 flex-col border-r border-zinc-200 bg-white md:w-56">
      <div className="flex h-12 items-center overflow-hidden border-b border-zinc-200 px-4">
        <Link href={root} aria-label="Shipshape overview">
          <Logo />
        </Link>
      </div>
      <nav className="flex-1 space-y-5 overflow-y-auto px-2 py-3" aria-label="Main">
        {NAV_GROUPS.map((group, gi) => (
          <div key={gi}>
            {group.label && <div className="mb-1 hidden px-2 text-[11px] font-semibold tracking-wide text-zinc-400 uppercase md:block">{group.label}</div>}
            <ul className="space-y-0.5">
              {group.items.map((item) => {
                const href = root + item.path;
                const active = item.path === "" ? pathname === root : pathname === href || pathname.startsWith(`${href}/`);
                if (!item.ready) {
                  return (
                    <li key={item.label}>
                      <span className="flex cursor-default items-center gap-2.5 rounded-md px-2 py-1.5 text-zinc-400" title="Arrives in a coming release">
                        <NavIcon name={item.icon} />
                        <span className="sr-only md:not-sr-only">{item.label}</span>
                        <span className="ml-auto hidden rounded bg-zinc-100 px-1 text-[10px] font-medium text-zinc-400 md:inline">soon</span>
                      </span>
                    </li>
                  );
                }
                return (
                  <li key={item.label}>
                    <Link
                      href={href}
                      title={item.label}
                      aria-current={active ? "page" : undefined}
                      className={cn(
                        "flex items-center gap-2.5 rounded-md px-2 py-1.5 font-medium",
                        active ? "bg-brand-50 text-brand-700" : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900",
                      )}
                    >
                      <NavIcon name={item.icon} className={cn("size-4 shrink-0", active ? "text-brand-600" : "text-zinc-400")} />
                      <span className="sr-only md:not-sr-only">{item.label}</span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </nav>
    </aside>
  );
}
