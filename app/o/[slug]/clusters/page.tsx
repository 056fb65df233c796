import type { Metadata } from "next";
import { requireOrgPageAccess } from "@/lib/auth/page-access";
import { ClustersClient } from "./page-client";

export const metadata: Metadata = { title: "Clusters" };

export default async function ClustersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireOrgPageAccess(slug);
  return <ClustersClient />;
}
