import type { Metadata } from "next";
import { requireOrgPageAccess } from "@/lib/auth/page-access";
import { AuditLogClient } from "./page-client";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireOrgPageAccess(slug);
  return <AuditLogClient />;
}
