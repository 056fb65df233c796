import type { ReactNode } from "react";
import { ClusterRbacFrame } from "@/components/rbac/cluster-rbac-nav";
import { requireOrgPageAccess } from "@/lib/auth/page-access";

export default async function ClusterRbacLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string; clusterId: string }> }) {
  const { slug, clusterId } = await params;
  await requireOrgPageAccess(slug);
  return (
    <ClusterRbacFrame slug={slug} clusterId={clusterId}>
      {children}
    </ClusterRbacFrame>
  );
}
