import type { Metadata } from "next";
import { AttackPathsClient } from "./page-client";

export const metadata: Metadata = { title: "RBAC · attack paths" };

export default async function AttackPathsPage({ params }: { params: Promise<{ slug: string; clusterId: string }> }) {
  const { clusterId } = await params;
  return <AttackPathsClient clusterId={clusterId} />;
}
