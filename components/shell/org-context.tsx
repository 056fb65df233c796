"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { Role } from "@/lib/generated/prisma/enums";

export type OrgContextValue = { id: string; slug: string; name: string; role: Role };

const OrgContext = createContext<OrgContextValue | null>(null);

export function OrgProvider({ value, children }: { value: OrgContextValue; children: ReactNode }) {
  return <OrgContext.Provider value={value}>{children}</OrgContext.Provider>;
}

/** The organization of the current /o/[slug] page and the signed-in user's role in it. */
export function useOrg(): OrgContextValue {
  const value = useContext(OrgContext);
  if (!value) throw new Error("useOrg() must be used inside an /o/[slug] page");
  return value;
}
