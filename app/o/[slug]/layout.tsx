import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { signOutAction } from "@/lib/auth/actions";
import { requireOrgPageAccess } from "@/lib/auth/page-access";
import { listUserOrganizations } from "@/lib/server/orgs/list-user-organizations";

export default async function OrgLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await requireOrgPageAccess(slug);
  const organizations = await listUserOrganizations({ userId: access.user.id });
  return (
    <AppShell
      org={{ ...access.org, role: access.role }}
      organizations={organizations.map((o) => ({ slug: o.slug, name: o.name, role: o.role }))}
      user={{ email: access.user.email, name: access.user.name }}
      signOutAction={signOutAction}
    >
      {children}
    </AppShell>
  );
}
