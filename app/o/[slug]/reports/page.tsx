import type { Metadata } from "next";
import { Suspense } from "react";
import { requireOrgPageAccess } from "@/lib/auth/page-access";
import { ReportsClient } from "./page-client";

export const metadata: Metadata = { title: "Reports" };

export default async function ReportsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireOrgPageAccess(slug);
  return (
    <Suspense>
      <ReportsClient />
    </Suspense>
  );
}
