import type { Metadata } from "next";
import { Suspense } from "react";
import { requireOrgPageAccess } from "@/lib/auth/page-access";
import { ExceptionsClient } from "./page-client";

export const metadata: Metadata = { title: "Exceptions" };

export default async function ExceptionsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireOrgPageAccess(slug);
  return (
    <Suspense>
      <ExceptionsClient />
    </Suspense>
  );
}
