import type { Metadata } from "next";
import { RbacDriftClient } from "./page-client";

export const metadata: Metadata = { title: "RBAC · drift" };

export default async function RbacDriftPage({ params }: { params: Promise<{ slug: string; clusterId: string }> }) {
  const { clusterId } = await params;
  return <RbacDriftClient clusterId={clusterId} />;
}
