import type { Metadata } from "next";
import { Suspense } from "react";
import { Skeleton } from "@/components/ui/states";
import { SubjectClient } from "./page-client";

export const metadata: Metadata = { title: "RBAC · subject" };

export default async function SubjectPage({ params }: { params: Promise<{ slug: string; clusterId: string }> }) {
  const { clusterId } = await params;
  return (
    <Suspense fallback={<Skeleton className="h-64 w-full" />}>
      <SubjectClient clusterId={clusterId} />
    </Suspense>
  );
}
