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
    <aside className="flex w-56 shrink-0 flex-col border-r border-zinc-200 bg-white">
      <div className="flex h-12 items-center border-b border-zinc-200 px-4">
        <Link href={root} aria-label="Shipshape overview">
          <Logo />
        </Link>
      </div>
      <nav className="flex-1 space-y-5 overflow-y-auto px-2 py-3" aria-label="Main">
        {NAV_GROUPS.map((group, gi) => (
          <div key={gi}>
            {group.label && <div className="mb-1 px-2 text-[11px] font-semibold tracking-wide text-zinc-400 uppercase">{group.label}</div>}
            <ul className="space-y-0.5">
              {group.items.map((item) => {
                const href = root + item.path;
                const active = item.path === "" ? pathname === root : pathname === href || pathname.startsWith(`${href}/`);
                if (!item.ready) {
                  return (
                    <li key={item.label}>
                      <span className="flex cursor-default items-center gap-2.5 rounded-md px-2 py-1.5 text-zinc-400" title="Arrives in a coming release">
                        <NavIcon name={item.icon} />
                        {item.label}
                        <span className="ml-auto rounded bg-zinc-100 px-1 text-[10px] font-medium text-zinc-400">soon</span>
                      </span>
                    </li>
                  );
                }
                return (
                  <li key={item.label}>
                    <Link
                      href={href}
                      aria-current={active ? "page" : undefined}
                      className={cn(
                        "flex items-center gap-2.5 rounded-md px-2 py-1.5 font-medium",
                        active ? "bg-brand-50 text-brand-700" : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900",
                      )}
                    >
                      <NavIcon name={item.icon} className={cn("size-4", active ? "text-brand-600" : "text-zinc-400")} />
                      {item.label}
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
