import type { Metadata } from "next";
import { RiskyGrantsClient } from "./page-client";

export const metadata: Metadata = { title: "RBAC · risky grants" };

export default async function ClusterRbacPage({ params }: { params: Promise<{ slug: string; clusterId: string }> }) {
  const { clusterId } = await params;
  return <RiskyGrantsClient clusterId={clusterId} />;
}
