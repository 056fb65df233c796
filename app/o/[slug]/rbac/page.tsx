import type { Metadata } from "next";
import { Suspense } from "react";
import { requireOrgPageAccess } from "@/lib/auth/page-access";
import { Skeleton } from "@/components/ui/states";
import { RbacFleetClient } from "./page-client";

export const metadata: Metadata = { title: "RBAC" };

export default async function RbacPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireOrgPageAccess(slug);
  return (
    <Suspense fallback={<Skeleton className="h-64 w-full" />}>
      <RbacFleetClient />
    </Suspense>
  );
}
