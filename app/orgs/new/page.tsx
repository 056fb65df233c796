import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/page-access";
import { listUserOrganizations } from "@/lib/server/orgs/list-user-organizations";
import { signOutAction } from "@/lib/auth/actions";
import { Logo } from "@/components/shell/logo";
import { UserMenu } from "@/components/shell/user-menu";
import { CreateOrganizationClient } from "./page-client";

export const metadata: Metadata = { title: "Create organization" };

export default async function NewOrganizationPage() {
  const user = await requireUser("/orgs/new");
  const orgs = await listUserOrganizations({ userId: user.id });
  return (
    <div className="min-h-screen bg-zinc-50">
      <header className="flex h-12 items-center justify-between border-b border-zinc-200 bg-white px-4">
        <Logo />
        <UserMenu user={user} signOutAction={signOutAction} />
      </header>
      <div className="mx-auto max-w-lg px-4 py-12">
        <CreateOrganizationClient existing={orgs.map((o) => ({ slug: o.slug, name: o.name }))} />
      </div>
    </div>
  );
}
