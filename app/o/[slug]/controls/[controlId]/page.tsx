import type { Metadata } from "next";
import { Suspense } from "react";
import { getControl } from "@/lib/controls";
import { requireOrgPageAccess } from "@/lib/auth/page-access";
import { ControlDetailClient } from "./page-client";

export async function generateMetadata({ params }: { params: Promise<{ controlId: string }> }): Promise<Metadata> {
  const { controlId } = await params;
  const control = getControl(controlId);
  return { title: control ? `${control.id} ${control.name}` : "Control" };
}

export default async function ControlPage({ params }: { params: Promise<{ slug: string; controlId: string }> }) {
  const { slug, controlId } = await params;
  await requireOrgPageAccess(slug);
  return (
    <Suspense>
      <ControlDetailClient controlId={controlId} />
    </Suspense>
  );
}
