import type { ReactNode } from "react";
import { Sidebar } from "@/components/shell/sidebar";
import { OrgSwitcher, type SwitcherOrg } from "@/components/shell/org-switcher";
import { UserMenu } from "@/components/shell/user-menu";
import { OrgProvider, type OrgContextValue } from "@/components/shell/org-context";
import { Badge } from "@/components/ui/badge";

/** The signed-in frame of every /o/[slug] page: sidebar, header with org switcher and user menu. */
export function AppShell({
  org,
  organizations,
  user,
  signOutAction,
  children,
}: {
  org: OrgContextValue;
  organizations: SwitcherOrg[];
  user: { email: string | null; name: string | null };
  signOutAction: () => Promise<void>;
  children: ReactNode;
}) {
  return (
    <OrgProvider value={org}>
      <div className="flex h-screen overflow-hidden">
        <Sidebar slug={org.slug} />
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="flex h-12 shrink-0 items-center justify-between gap-2 border-b border-zinc-200 bg-white px-3 sm:px-4">
            <div className="flex items-center gap-2">
              <OrgSwitcher current={org} organizations={organizations} />
              {org.role === "VIEWER" && (
                <Badge tone="neutral" title="You can view everything in this organization but not change it">
                  Read-only
                </Badge>
              )}
            </div>
            <UserMenu user={user} role={org.role} signOutAction={signOutAction} />
          </header>
          <main className="flex-1 overflow-y-auto">
            <div className="mx-auto max-w-7xl px-3 py-4 sm:px-6 sm:py-6">{children}</div>
          </main>
        </div>
      </div>
    </OrgProvider>
  );
}
