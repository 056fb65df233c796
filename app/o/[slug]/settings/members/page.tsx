import type { Metadata } from "next";
import { requireOrgPageAccess } from "@/lib/auth/page-access";
import { MembersClient } from "./page-client";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await requireOrgPageAccess(slug);
  return <MembersClient currentUserId={access.user.id} />;
}
