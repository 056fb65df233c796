"use client";

import { useState } from "react";
import { useOrg } from "@/components/shell/org-context";
import { DataTable, type Column } from "@/components/tables/data-table";
import { IssuedTokenPanel } from "@/components/tokens/issued-token-panel";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormField, Input, Select } from "@/components/ui/form-field";
import { PageHeader } from "@/components/ui/page-header";
import { RelativeTime } from "@/components/ui/relative-time";
import { EmptyState, ErrorState, InlineAlert, TableSkeleton } from "@/components/ui/states";
import { can } from "@/lib/auth/roles";
import { useClusters } from "@/lib/queries/clusters";
import { useAgentTokens, useCreateAgentToken, useRevokeAgentToken, type AgentTokenRow, type CreateTokenResult } from "@/lib/queries/tokens";
import { TOKEN_EXPIRY_DAYS, ZCreateAgentToken } from "@/lib/zod/tokens";
import { describeIssues } from "@/lib/zod/describe-issues";

function CreateTokenForm({ onCreated }: { onCreated: (r: CreateTokenResult) => void }) {
  const org = useOrg();
  const clusters = useClusters(org.slug);
  const create = useCreateAgentToken(org.slug);
  const [name, setName] = useState("");
  const [clusterId, setClusterId] = useState("");
  const [expiry, setExpiry] = useState("");
  const [error, setError] = useState<string | null>(null);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    const parsed = ZCreateAgentToken.safeParse({ name, ...(clusterId ? { clusterId } : {}), ...(expiry ? { expiresInDays: Number(expiry) } : {}) });
    if (!parsed.success) return setError(describeIssues(parsed.error));
    create.mutate(parsed.data, {
      onSuccess: (r) => {
        setName("");
        onCreated(r);
      },
      onError: (err) => setError(err.message),
    });
  }

  return (
    <form onSubmit={submit} className="grid gap-3 md:grid-cols-[1fr_1fr_10rem_auto] md:items-end" noValidate>
      <FormField label="Token name" htmlFor="token-name">
        <Input id="token-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="ci-scanner" />
      </FormField>
      <FormField label="Scope" htmlFor="token-cluster">
        <Select id="token-cluster" value={clusterId} onChange={(e) => setClusterId(e.target.value)}>
          <option value="">Any cluster in {org.name}</option>
          {(clusters.data ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              Only {c.name}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField label="Expires" htmlFor="token-expiry">
        <Select id="token-expiry" value={expiry} onChange={(e) => setExpiry(e.target.value)}>
          <option value="">Never</option>
          {TOKEN_EXPIRY_DAYS.map((d) => (
            <option key={d} value={d}>
              in {d} days
            </option>
          ))}
        </Select>
      </FormField>
      <Button type="submit" loading={create.isPending}>
        Create token
      </Button>
      {error && (
        <div className="md:col-span-4">
          <InlineAlert>{error}</InlineAlert>
        </div>
      )}
    </form>
  );
}

export function TokensClient() {
  const org = useOrg();
  const tokens = useAgentTokens(org.slug);
  const revoke = useRevokeAgentToken(org.slug);
  const [issued, setIssued] = useState<CreateTokenResult | null>(null);
  const [toRevoke, setToRevoke] = useState<AgentTokenRow | null>(null);
  const manage = can.manageTokens(org.role);

  const columns: Column<AgentTokenRow>[] = [
    { id: "name", label: "Name", value: (t) => t.name, render: (t) => <span className="font-medium text-zinc-900">{t.name}</span> },
    { id: "prefix", label: "Token", value: (t) => t.prefix, render: (t) => <code className="font-mono text-xs text-zinc-600">{t.prefix}…</code> },
    { id: "scope", label: "Scope", value: (t) => t.cluster?.name ?? "", render: (t) => (t.cluster ? t.cluster.name : <span className="text-zinc-500">any cluster</span>) },
    { id: "created", label: "Created", value: (t) => t.createdAt, render: (t) => <RelativeTime value={t.createdAt} /> },
    { id: "lastUsed", label: "Last used", value: (t) => t.lastUsedAt ?? "", render: (t) => <RelativeTime value={t.lastUsedAt} fallback="never" /> },
    { id: "expires", label: "Expires", value: (t) => t.expiresAt ?? "", render: (t) => <RelativeTime value={t.expiresAt} fallback="never" /> },
    {
      id: "state",
      label: "Status",
      value: (t) => t.state,
      render: (t) => <Badge tone={t.state === "active" ? "green" : t.state === "revoked" ? "red" : "amber"}>{t.state}</Badge>,
    },
    ...(manage
      ? [
          {
            id: "actions",
            label: "",
            sortable: false,
            align: "right" as const,
            value: () => "",
            render: (t: AgentTokenRow) =>
              t.state === "active" ? (
                <Button variant="ghost" size="sm" className="text-red-600 hover:bg-red-50" onClick={() => setToRevoke(t)} aria-label={`Revoke ${t.name}`}>
                  Revoke
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <div className="space-y-5">
      <PageHeader title="Agent tokens" description="Agents authenticate with these tokens. A revoked token is refused from the agent's next request." />
      {manage ? (
        <Card>
          <CardHeader title={issued ? "Token created" : "Create a token"} description={issued ? undefined : "Scope a token to one cluster where you can; organization-wide tokens suit CI scanners."} />
          <CardBody className="py-4">
            {issued ? (
              <IssuedTokenPanel
                token={issued.token.token}
                prefix={issued.token.prefix}
                installCommands={issued.installCommands}
                footer={
                  <div className="flex justify-end">
                    <Button variant="secondary" onClick={() => setIssued(null)}>
                      Done
                    </Button>
                  </div>
                }
              />
            ) : (
              <CreateTokenForm onCreated={setIssued} />
            )}
          </CardBody>
        </Card>
      ) : (
        <InlineAlert tone="blue">You can see this organization&apos;s tokens. Creating and revoking tokens needs the ADMIN or OWNER role.</InlineAlert>
      )}
      <Card>
        <CardHeader title="Tokens" description="Only a prefix of each token is kept in readable form." />
        {tokens.isError ? (
          <ErrorState error={tokens.error} onRetry={() => tokens.refetch()} />
        ) : tokens.isPending ? (
          <TableSkeleton rows={4} columns={6} />
        ) : (
          <DataTable
            columns={columns}
            rows={tokens.data}
            rowKey={(t) => t.id}
            rowTestId={(t) => `token-row-${t.name}`}
            caption="Agent tokens"
            empty={<EmptyState title="No agent tokens" description="Registering a cluster creates its first token; you can also create one here." />}
          />
        )}
      </Card>
      <ConfirmDialog
        open={!!toRevoke}
        title={`Revoke “${toRevoke?.name}”?`}
        description={
          <>
            Agents using <code className="font-mono">{toRevoke?.prefix}…</code> are refused from their next request. This cannot be undone.
          </>
        }
        confirmLabel="Revoke token"
        pending={revoke.isPending}
        error={revoke.error?.message}
        onClose={() => {
          setToRevoke(null);
          revoke.reset();
        }}
        onConfirm={() => toRevoke && revoke.mutate(toRevoke.id, { onSuccess: () => setToRevoke(null) })}
      />
    </div>
  );
}
