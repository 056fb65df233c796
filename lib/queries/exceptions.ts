"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { apiFetch, type Jsonified } from "@/lib/queries/api-client";
import { useRefreshAfterRescore } from "@/lib/queries/dashboard";
import { keys } from "@/lib/queries/keys";
import type { TExceptionInput, TExceptionPatch } from "@/lib/server/exceptions/exception-input";
import type { ExceptionView } from "@/lib/server/exceptions/exception-view";
import type { StaleException } from "@/lib/server/exceptions/list-stale-exceptions";
import type { ExceptionCoverage } from "@/lib/server/dashboard/list-exception-coverage";

const base = (slug: string) => `/api/orgs/${encodeURIComponent(slug)}`;

export type ExceptionRow = Jsonified<ExceptionView>;
export type StaleExceptionRow = Jsonified<StaleException>;
export type ExceptionCoverageData = Jsonified<ExceptionCoverage>;
export type SavedExceptionData = { exception: ExceptionRow | null; rescoresQueued: number };

export function useExceptions(slug: string) {
  return useQuery({
    queryKey: [...keys.org(slug).exceptions(), "list"],
    queryFn: ({ signal }) => apiFetch<{ exceptions: ExceptionRow[] }>(`${base(slug)}/exceptions`, { signal }).then((r) => r.exceptions),
  });
}

export function useStaleExceptions(slug: string) {
  return useQuery({
    queryKey: [...keys.org(slug).exceptions(), "stale"],
    queryFn: ({ signal }) => apiFetch<{ exceptions: StaleExceptionRow[] }>(`${base(slug)}/exceptions/stale`, { signal }).then((r) => r.exceptions),
  });
}

export function useExceptionCoverage(slug: string) {
  return useQuery({
    queryKey: [...keys.org(slug).exceptions(), "coverage"],
    queryFn: ({ signal }) => apiFetch<ExceptionCoverageData>(`${base(slug)}/dashboard/exceptions`, { signal }),
  });
}

/** Exception changes re-score clusters in the background: the views that show scores refresh as results land. */
export function useSaveException(slug: string) {
  const refresh = useRefreshAfterRescore(slug);
  return useMutation({
    mutationFn: (change: { kind: "create"; input: TExceptionInput } | { kind: "update"; patch: TExceptionPatch } | { kind: "delete"; id: string }) =>
      change.kind === "create"
        ? apiFetch<SavedExceptionData>(`${base(slug)}/exceptions`, { method: "POST", body: change.input })
        : change.kind === "update"
          ? apiFetch<SavedExceptionData>(`${base(slug)}/exceptions`, { method: "PATCH", body: change.patch })
          : apiFetch<SavedExceptionData>(`${base(slug)}/exceptions?id=${encodeURIComponent(change.id)}`, { method: "DELETE" }),
    onSuccess: () => refresh(),
  });
}
