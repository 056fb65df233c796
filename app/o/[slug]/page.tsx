import type { Metadata } from "next";
import { Suspense } from "react";
import { requireOrgPageAccess } from "@/lib/auth/page-access";
import { OverviewClient } from "./page-client";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { org } = await requireOrgPageAccess(slug);
  return (
    <Suspense>
      <OverviewClient orgName={org.name} />
    </Suspense>
  );
}
