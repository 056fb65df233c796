"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch, type Jsonified } from "@/lib/queries/api-client";
import { keys } from "@/lib/queries/keys";
import type { MemberListItem } from "@/lib/server/members/list-members";
import type { InvitationListItem } from "@/lib/server/invitations/list-invitations";
import type { CreatedInvitation } from "@/lib/server/invitations/create-invitation";
import type { TCreateInvitation } from "@/lib/zod/members";
import type { Role } from "@/lib/generated/prisma/enums";

const base = (slug: string) => `/api/orgs/${encodeURIComponent(slug)}`;

export type MemberRow = Jsonified<MemberListItem>;
export type InvitationRow = Jsonified<InvitationListItem>;

export function useMembers(slug: string) {
  return useQuery({
    queryKey: keys.org(slug).members(),
    queryFn: ({ signal }) => apiFetch<{ members: MemberRow[] }>(`${base(slug)}/members`, { signal }).then((r) => r.members),
  });
}

export function useInvitations(slug: string, enabled = true) {
  return useQuery({
    queryKey: keys.org(slug).invitations(),
    queryFn: ({ signal }) => apiFetch<{ invitations: InvitationRow[] }>(`${base(slug)}/invitations`, { signal }).then((r) => r.invitations),
    enabled,
  });
}

function useInvalidateMembership(slug: string) {
  const qc = useQueryClient();
  return () => {
    qc.invalidateQueries({ queryKey: keys.org(slug).members() });
    qc.invalidateQueries({ queryKey: keys.org(slug).invitations() });
    qc.invalidateQueries({ queryKey: keys.org(slug).auditEvents() });
  };
}

export function useCreateInvitation(slug: string) {
  const invalidate = useInvalidateMembership(slug);
  return useMutation({
    mutationFn: (input: TCreateInvitation) =>
      apiFetch<{ invitation: Jsonified<CreatedInvitation> }>(`${base(slug)}/invitations`, { method: "POST", body: input }).then((r) => r.invitation),
    onSuccess: invalidate,
  });
}

export function useRevokeInvitation(slug: string) {
  const invalidate = useInvalidateMembership(slug);
  return useMutation({
    mutationFn: (invitationId: string) => apiFetch(`${base(slug)}/invitations/${encodeURIComponent(invitationId)}`, { method: "DELETE" }),
    onSuccess: invalidate,
  });
}

export function useChangeMemberRole(slug: string) {
  const invalidate = useInvalidateMembership(slug);
  return useMutation({
    mutationFn: ({ membershipId, role }: { membershipId: string; role: Role }) =>
      apiFetch(`${base(slug)}/members/${encodeURIComponent(membershipId)}`, { method: "PATCH", body: { role } }),
    onSuccess: invalidate,
  });
}

export function useRemoveMember(slug: string) {
  const invalidate = useInvalidateMembership(slug);
  return useMutation({
    mutationFn: (membershipId: string) => apiFetch(`${base(slug)}/members/${encodeURIComponent(membershipId)}`, { method: "DELETE" }),
    onSuccess: invalidate,
  });
}
