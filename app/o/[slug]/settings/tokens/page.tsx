import type { Metadata } from "next";
import { requireOrgPageAccess } from "@/lib/auth/page-access";
import { TokensClient } from "./page-client";

export const metadata: Metadata = { title: "Agent tokens" };

export default async function TokensPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireOrgPageAccess(slug);
  return <TokensClient />;
}
