import type { Metadata } from "next";
import { Suspense } from "react";
import { requireOrgPageAccess } from "@/lib/auth/page-access";
import { ControlsClient } from "./page-client";

export const metadata: Metadata = { title: "Controls" };

export default async function ControlsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireOrgPageAccess(slug);
  return (
    <Suspense>
      <ControlsClient />
    </Suspense>
  );
}
