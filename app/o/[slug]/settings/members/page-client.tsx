"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useOrg } from "@/components/shell/org-context";
import { DataTable, type Column } from "@/components/tables/data-table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyField } from "@/components/ui/copy-button";
import { FormField, Input, Select } from "@/components/ui/form-field";
import { PageHeader } from "@/components/ui/page-header";
import { RelativeTime } from "@/components/ui/relative-time";
import { EmptyState, ErrorState, InlineAlert, TableSkeleton } from "@/components/ui/states";
import { can, ROLE_DESCRIPTIONS, ROLES } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";
import {
  useChangeMemberRole,
  useCreateInvitation,
  useInvitations,
  useMembers,
  useRemoveMember,
  useRevokeInvitation,
  type InvitationRow,
  type MemberRow,
} from "@/lib/queries/members";
import { ZCreateInvitation } from "@/lib/zod/members";
import { describeIssues } from "@/lib/zod/describe-issues";

const ROLE_TONE = { OWNER: "violet", ADMIN: "blue", VIEWER: "neutral" } as const;

function InviteForm() {
  const org = useOrg();
  const create = useCreateInvitation(org.slug);
  const [role, setRole] = useState<Role>("VIEWER");
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [link, setLink] = useState<{ url: string; role: Role; email: string | null; expiresAt: string } | null>(null);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    const parsed = ZCreateInvitation.safeParse({ role, ...(email.trim() ? { email: email.trim() } : {}) });
    if (!parsed.success) return setError(describeIssues(parsed.error));
    create.mutate(parsed.data, {
      onSuccess: (inv) => {
        setLink({ url: inv.url, role: inv.role, email: inv.email, expiresAt: inv.expiresAt });
        setEmail("");
      },
      onError: (err) => setError(err.message),
    });
  }

  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="grid gap-3 md:grid-cols-[14rem_1fr_auto] md:items-start" noValidate>
        <FormField label="Role" htmlFor="invite-role" hint={ROLE_DESCRIPTIONS[role]}>
          <Select id="invite-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r.charAt(0) + r.slice(1).toLowerCase()}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label="Restrict to email (optional)" htmlFor="invite-email">
          <Input id="invite-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} placeholder="anyone with the link" />
        </FormField>
        <Button type="submit" loading={create.isPending} className="md:mt-5">
          Create invite link
        </Button>
      </form>
      {error && <InlineAlert>{error}</InlineAlert>}
      {link && (
        <div className="space-y-2 rounded-md border border-zinc-200 bg-zinc-50 p-3" data-testid="invite-link">
          <CopyField
            label={`Invitation link (${link.role.toLowerCase()}${link.email ? `, for ${link.email}` : ""}) — works once, expires ${new Date(link.expiresAt).toLocaleDateString("en", { month: "short", day: "numeric" })}, shown only now`}
            value={link.url}
            testId="invite-url"
          />
        </div>
      )}
    </div>
  );
}

export function MembersClient({ currentUserId }: { currentUserId: string }) {
  const org = useOrg();
  const router = useRouter();
  const manage = can.manageMembers(org.role);
  const members = useMembers(org.slug);
  const invitations = useInvitations(org.slug, manage);
  const changeRole = useChangeMemberRole(org.slug);
  const remove = useRemoveMember(org.slug);
  const revokeInvite = useRevokeInvitation(org.slug);
  const [toRemove, setToRemove] = useState<MemberRow | null>(null);
  const [roleError, setRoleError] = useState<string | null>(null);

  const memberColumns: Column<MemberRow>[] = [
    {
      id: "name",
      label: "Member",
      value: (m) => m.user.name ?? m.user.email,
      render: (m) => (
        <div>
          <div className="font-medium text-zinc-900">
            {m.user.name ?? m.user.email}
            {m.user.id === currentUserId && <span className="ml-1.5 text-xs font-normal text-zinc-400">(you)</span>}
          </div>
          {m.user.name && <div className="text-xs text-zinc-500">{m.user.email}</div>}
        </div>
      ),
    },
    {
      id: "role",
      label: "Role",
      value: (m) => m.role,
      render: (m) =>
        manage ? (
          <Select
            aria-label={`Role of ${m.user.email}`}
            value={m.role}
            className="w-32"
            disabled={changeRole.isPending}
            onChange={(e) => {
              setRoleError(null);
              changeRole.mutate(
                { membershipId: m.id, role: e.target.value as Role },
                {
                  onError: (err) => setRoleError(err.message),
                  // Your own role drives what this page (and the shell) lets you do.
                  onSuccess: () => m.user.id === currentUserId && router.refresh(),
                },
              );
            }}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r.charAt(0) + r.slice(1).toLowerCase()}
              </option>
            ))}
          </Select>
        ) : (
          <Badge tone={ROLE_TONE[m.role]}>{m.role.toLowerCase()}</Badge>
        ),
    },
    { id: "joined", label: "Joined", value: (m) => m.createdAt, render: (m) => <RelativeTime value={m.createdAt} /> },
    ...(manage
      ? [
          {
            id: "actions",
            label: "",
            sortable: false,
            align: "right" as const,
            value: () => "",
            render: (m: MemberRow) => (
              <Button variant="ghost" size="sm" className="text-red-600 hover:bg-red-50" onClick={() => setToRemove(m)} aria-label={`Remove ${m.user.email}`}>
                Remove
              </Button>
            ),
          },
        ]
      : []),
  ];

  const inviteColumns: Column<InvitationRow>[] = [
    { id: "role", label: "Role", value: (i) => i.role, render: (i) => <Badge tone={ROLE_TONE[i.role]}>{i.role.toLowerCase()}</Badge> },
    { id: "email", label: "For", value: (i) => i.email ?? "", render: (i) => i.email ?? <span className="text-zinc-500">anyone with the link</span> },
    { id: "created", label: "Created", value: (i) => i.createdAt, render: (i) => <RelativeTime value={i.createdAt} /> },
    { id: "expires", label: "Expires", value: (i) => i.expiresAt, render: (i) => <RelativeTime value={i.expiresAt} /> },
    {
      id: "state",
      label: "Status",
      value: (i) => i.state,
      render: (i) => <Badge tone={i.state === "pending" ? "blue" : i.state === "accepted" ? "green" : "neutral"}>{i.state}</Badge>,
    },
    {
      id: "actions",
      label: "",
      sortable: false,
      align: "right",
      value: () => "",
      render: (i) =>
        i.state === "pending" ? (
          <Button variant="ghost" size="sm" onClick={() => revokeInvite.mutate(i.id)} disabled={revokeInvite.isPending}>
            Revoke
          </Button>
        ) : null,
    },
  ];

  return (
    <div className="space-y-5">
      <PageHeader title="Members" description={`People with access to ${org.name}. Owners manage members; admins manage clusters and tokens; viewers read.`} />
      {manage && (
        <Card>
          <CardHeader title="Invite someone" description="Create a link with a role and send it to them yourself; Shipshape sends no email." />
          <CardBody className="py-4">
            <InviteForm />
          </CardBody>
        </Card>
      )}
      {roleError && <InlineAlert>{roleError}</InlineAlert>}
      <Card>
        <CardHeader title="Members" />
        {members.isError ? (
          <ErrorState error={members.error} onRetry={() => members.refetch()} />
        ) : members.isPending ? (
          <TableSkeleton rows={3} columns={3} />
        ) : (
          <DataTable columns={memberColumns} rows={members.data} rowKey={(m) => m.id} rowTestId={(m) => `member-row-${m.user.email}`} caption="Members" />
        )}
      </Card>
      {manage && (
        <Card>
          <CardHeader title="Invitations" />
          {invitations.isError ? (
            <ErrorState error={invitations.error} onRetry={() => invitations.refetch()} />
          ) : invitations.isPending ? (
            <TableSkeleton rows={2} columns={5} />
          ) : (
            <DataTable
              columns={inviteColumns}
              rows={invitations.data}
              rowKey={(i) => i.id}
              caption="Invitations"
              empty={<EmptyState title="No invitations" description="Invitation links you create are listed here until they are used, revoked or expire." />}
            />
          )}
        </Card>
      )}
      <ConfirmDialog
        open={!!toRemove}
        title={`Remove ${toRemove?.user.email}?`}
        description="They lose access to this organization immediately. Their past actions stay in the audit log."
        confirmLabel="Remove member"
        pending={remove.isPending}
        error={remove.error?.message}
        onClose={() => {
          setToRemove(null);
          remove.reset();
        }}
        onConfirm={() =>
          toRemove &&
          remove.mutate(toRemove.id, {
            onSuccess: () => {
              const leftOrg = toRemove.user.id === currentUserId;
              setToRemove(null);
              if (leftOrg) router.push("/");
            },
          })
        }
      />
    </div>
  );
}
