import type { Metadata } from "next";
import { Suspense } from "react";
import { Skeleton } from "@/components/ui/states";
import { GraphExplorerClient } from "./page-client";

export const metadata: Metadata = { title: "RBAC · graph explorer" };

export default async function GraphPage({ params }: { params: Promise<{ slug: string; clusterId: string }> }) {
  const { clusterId } = await params;
  return (
    <Suspense fallback={<Skeleton className="h-[620px] w-full" />}>
      <GraphExplorerClient clusterId={clusterId} />
    </Suspense>
  );
}
