import type { Metadata } from "next";
import { Suspense } from "react";
import { Skeleton } from "@/components/ui/states";
import { WhoCanClient } from "./page-client";

export const metadata: Metadata = { title: "RBAC · who can" };

export default async function WhoCanPage({ params }: { params: Promise<{ slug: string; clusterId: string }> }) {
  const { clusterId } = await params;
  return (
    <Suspense fallback={<Skeleton className="h-48 w-full" />}>
      <WhoCanClient clusterId={clusterId} />
    </Suspense>
  );
}
