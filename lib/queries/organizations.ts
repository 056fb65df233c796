"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch, type Jsonified } from "@/lib/queries/api-client";
import { keys } from "@/lib/queries/keys";
import type { UserOrganization } from "@/lib/server/orgs/list-user-organizations";
import type { CreatedOrganization } from "@/lib/server/orgs/create-organization";
import type { TCreateOrganization } from "@/lib/zod/orgs";

export function useOrganizations() {
  return useQuery({
    queryKey: keys.organizations(),
    queryFn: ({ signal }) => apiFetch<{ organizations: Jsonified<UserOrganization>[] }>("/api/orgs", { signal }).then((r) => r.organizations),
  });
}

export function useCreateOrganization() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TCreateOrganization) =>
      apiFetch<{ organization: CreatedOrganization }>("/api/orgs", { method: "POST", body: input }).then((r) => r.organization),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.organizations() }),
  });
}

export function useAcceptInvitation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (token: string) =>
      apiFetch<{ org: { id: string; slug: string; name: string }; role: string; alreadyMember: boolean }>("/api/invitations/accept", {
        method: "POST",
        body: { token },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.organizations() }),
  });
}
