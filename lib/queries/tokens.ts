"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch, type Jsonified } from "@/lib/queries/api-client";
import { keys } from "@/lib/queries/keys";
import type { AgentTokenListItem } from "@/lib/server/tokens/list-agent-tokens";
import type { IssuedAgentToken } from "@/lib/server/tokens/create-agent-token";
import type { InstallCommands } from "@/lib/server/tokens/build-install-commands";
import type { TCreateAgentToken } from "@/lib/zod/tokens";

const base = (slug: string) => `/api/orgs/${encodeURIComponent(slug)}/tokens`;

export type AgentTokenRow = Jsonified<AgentTokenListItem>;
export type CreateTokenResult = { token: Jsonified<IssuedAgentToken>; installCommands: InstallCommands };

export function useAgentTokens(slug: string) {
  return useQuery({
    queryKey: keys.org(slug).tokens(),
    queryFn: ({ signal }) => apiFetch<{ tokens: AgentTokenRow[] }>(base(slug), { signal }).then((r) => r.tokens),
  });
}

export function useCreateAgentToken(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TCreateAgentToken) => apiFetch<CreateTokenResult>(base(slug), { method: "POST", body: input }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: keys.org(slug).tokens() });
      qc.invalidateQueries({ queryKey: keys.org(slug).auditEvents() });
    },
  });
}

export function useRevokeAgentToken(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => apiFetch<{ token: { id: string; revokedAt: string } }>(`${base(slug)}/${encodeURIComponent(tokenId)}`, { method: "DELETE" }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: keys.org(slug).tokens() });
      qc.invalidateQueries({ queryKey: keys.org(slug).clusters() });
      qc.invalidateQueries({ queryKey: keys.org(slug).auditEvents() });
    },
  });
}
