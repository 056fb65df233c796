import type { Metadata } from "next";
import { Suspense } from "react";
import { requireOrgPageAccess } from "@/lib/auth/page-access";
import { ClusterDetailClient } from "./page-client";

export const metadata: Metadata = { title: "Cluster" };

export default async function ClusterPage({ params }: { params: Promise<{ slug: string; clusterId: string }> }) {
  const { slug, clusterId } = await params;
  await requireOrgPageAccess(slug);
  return (
    <Suspense>
      <ClusterDetailClient clusterId={clusterId} />
    </Suspense>
  );
}
