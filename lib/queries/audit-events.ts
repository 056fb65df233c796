"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch, type Jsonified } from "@/lib/queries/api-client";
import { keys } from "@/lib/queries/keys";
import type { AuditEventPage } from "@/lib/server/audit/list-audit-events";

export type AuditEventsPageData = Jsonified<AuditEventPage>;

export function useAuditEvents(slug: string, enabled = true) {
  return useInfiniteQuery({
    enabled,
    queryKey: keys.org(slug).auditEvents(),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const qs = new URLSearchParams({ limit: "50", ...(pageParam ? { cursor: pageParam } : {}) });
      return apiFetch<AuditEventsPageData>(`/api/orgs/${encodeURIComponent(slug)}/audit-events?${qs}`, { signal });
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}
