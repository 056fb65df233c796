"use client";

import { PopoverMenu } from "@/components/ui/popover-menu";

export function UserMenu({ user, role, signOutAction }: { user: { email: string | null; name: string | null }; role?: string; signOutAction: () => Promise<void> }) {
  const display = user.name || user.email || "Account";
  const initials = display
    .split(/[\s@.]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((s) => s[0]?.toUpperCase())
    .join("");
  return (
    <PopoverMenu
      label="Account menu"
      align="right"
      testId="user-menu"
      trigger={
        <>
          <span className="flex size-6 items-center justify-center rounded-full bg-brand-100 text-[11px] font-semibold text-brand-700">{initials}</span>
          <span className="hidden max-w-40 truncate text-zinc-700 sm:inline">{display}</span>
        </>
      }
    >
      {() => (
        <>
          <div className="border-b border-zinc-100 px-3 py-2">
            <div className="truncate text-sm font-medium text-zinc-900">{user.name ?? user.email}</div>
            {user.name && <div className="truncate text-xs text-zinc-500">{user.email}</div>}
            {role && <div className="mt-1 text-[11px] text-zinc-400">Role: {role.toLowerCase()}</div>}
          </div>
          <form action={signOutAction}>
            <button type="submit" role="menuitem" className="w-full px-3 py-1.5 text-left text-sm text-zinc-700 hover:bg-zinc-50">
              Sign out
            </button>
          </form>
        </>
      )}
    </PopoverMenu>
  );
}
