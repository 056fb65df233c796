import type { Metadata } from "next";
import { requireOrgPageAccess } from "@/lib/auth/page-access";
import { RegisterClusterClient } from "./page-client";

export const metadata: Metadata = { title: "Register cluster" };

export default async function RegisterClusterPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireOrgPageAccess(slug);
  return <RegisterClusterClient />;
}
