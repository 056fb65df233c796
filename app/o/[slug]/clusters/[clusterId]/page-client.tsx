"use client";

import Link from "next/link";
import { ClusterStatusBadge } from "@/components/clusters/cluster-status-badge";
import { providerLabel } from "@/components/clusters/provider-label";
import { ClusterAgentTab } from "@/components/dashboard/cluster/agent-tab";
import { ClusterControlsTab } from "@/components/dashboard/cluster/controls-tab";
import { ClusterDriftTab } from "@/components/dashboard/cluster/drift-tab";
import { ClusterOverviewTab } from "@/components/dashboard/cluster/overview-tab";
import { ClusterResourcesTab } from "@/components/dashboard/cluster/resources-tab";
import { ClusterVulnerabilitiesTab } from "@/components/dashboard/cluster/vulnerabilities-tab";
import { TabPanel, Tabs } from "@/components/dashboard/tabs";
import { useUrlParams } from "@/components/dashboard/use-url-params";
import { useOrg } from "@/components/shell/org-context";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody } from "@/components/ui/card";
import { Select } from "@/components/ui/form-field";
import { PageHeader } from "@/components/ui/page-header";
import { RelativeTime } from "@/components/ui/relative-time";
import { EmptyState, ErrorState, InlineAlert, Skeleton } from "@/components/ui/states";
import { hasRole } from "@/lib/auth/roles";
import { ApiError } from "@/lib/queries/api-client";
import { useCluster } from "@/lib/queries/clusters";

const TABS = ["overview", "controls", "drift", "resources", "agent", "vulnerabilities"] as const;
type Tab = (typeof TABS)[number];
const TAB_LABELS: Record<Tab, string> = { overview: "Overview", controls: "Controls", drift: "Drift", resources: "Resources", agent: "Agent health", vulnerabilities: "Vulnerabilities" };
type Param = "tab" | "framework" | "days" | "status" | "from" | "to" | "kind" | "namespace" | "q" | "failing" | "object";

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className="mt-0.5 truncate text-sm text-zinc-900">{children}</dd>
    </div>
  );
}

export function ClusterDetailClient({ clusterId }: { clusterId: string }) {
  const org = useOrg();
  const cluster = useCluster(org.slug, clusterId);
  const [params, setParams] = useUrlParams<Param>({ tab: "overview", framework: "all", days: "30" });
  const tab = (TABS as readonly string[]).includes(params.tab ?? "") ? (params.tab as Tab) : "overview";
  const days = (["7", "30", "90"].includes(params.days ?? "") ? params.days : "30") as "7" | "30" | "90";
  const back = <Link href={`/o/${org.slug}`}>← Overview</Link>;

  if (cluster.isError) {
    if (cluster.error instanceof ApiError && cluster.error.status === 404) {
      return (
        <div>
          <PageHeader eyebrow={back} title="Cluster not found" />
          <Card>
            <EmptyState title="This cluster does not exist in this organization" description="It may have been removed, or the link belongs to another organization." />
          </Card>
        </div>
      );
    }
    return (
      <div>
        <PageHeader eyebrow={back} title="Cluster" />
        <Card>
          <ErrorState error={cluster.error} onRetry={() => cluster.refetch()} />
        </Card>
      </div>
    );
  }
  if (cluster.isPending) {
    return (
      <div className="space-y-4">
        <Skeleton className="h-6 w-56" />
        <Skeleton className="h-20 w-full" />
        <Skeleton className="h-72 w-full" />
      </div>
    );
  }

  const c = cluster.data;
  const latest = c.snapshots[0];
  const frameworks = c.frameworks;
  const framework = frameworks.some((f) => f.id === params.framework) ? params.framework! : "all";
  const frameworkName = frameworks.find((f) => f.id === framework)?.shortName ?? framework;
  const collectionErrors = Array.isArray(latest?.collectionErrors) ? (latest.collectionErrors as unknown[]) : [];

  return (
    <div className="space-y-4">
      <PageHeader
        eyebrow={back}
        title={
          <span className="flex items-center gap-3">
            {c.name} <ClusterStatusBadge status={c.status} />
          </span>
        }
        description={`${providerLabel(c.provider)} · ${c.environment}${c.region ? ` · ${c.region}` : ""}`}
        actions={
          <Select aria-label="Framework" value={framework} onChange={(e) => setParams({ framework: e.target.value })} className="w-64">
            {frameworks.length ? (
              frameworks.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))
            ) : (
              <option value="all">All controls</option>
            )}
          </Select>
        }
      />
      {c.status === "stale" && (
        <InlineAlert tone="amber">
          Stale agent: the agent last reported <RelativeTime value={c.lastSeenAt} />. The data below is from that report; check that the agent is running and can reach this server.
        </InlineAlert>
      )}
      {collectionErrors.length > 0 && (
        <InlineAlert tone="amber">
          The latest snapshot is partial: the agent could not collect {collectionErrors.length} resource type{collectionErrors.length === 1 ? "" : "s"}. Controls that need them are skipped, not counted.{" "}
          <button type="button" className="font-medium underline" onClick={() => setParams({ tab: "agent" })}>
            See agent health
          </button>
        </InlineAlert>
      )}
      <Card>
        <CardBody>
          <dl className="grid grid-cols-2 gap-x-6 gap-y-3 md:grid-cols-6">
            <Field label="Kubernetes version">{c.kubernetesVersion ?? <span className="text-zinc-400">unknown until the first snapshot</span>}</Field>
            <Field label="Nodes">{c.nodeCount ?? <span className="text-zinc-400">—</span>}</Field>
            <Field label="Agent version">{c.agentVersion ?? <span className="text-zinc-400">—</span>}</Field>
            <Field label="Last seen">
              <RelativeTime value={c.lastSeenAt} fallback="never" />
            </Field>
            <Field label="Last snapshot">{latest ? <><RelativeTime value={latest.collectedAt} /> · {latest.objectCount.toLocaleString()} objects</> : <span className="text-zinc-400">none yet</span>}</Field>
            <div className="col-span-2 md:col-span-1">
              <dt className="text-xs text-zinc-500">Labels</dt>
              <dd className="mt-0.5 flex flex-wrap gap-1">
                {Object.keys(c.labels).length ? (
                  Object.entries(c.labels).map(([k, v]) => (
                    <Badge key={k} tone="neutral" className="font-mono">
                      {k}={v}
                    </Badge>
                  ))
                ) : (
                  <span className="text-sm text-zinc-400">none</span>
                )}
              </dd>
            </div>
          </dl>
        </CardBody>
      </Card>

      <div>
        <Tabs label="Cluster views" idPrefix="cluster" tabs={TABS.map((id) => ({ id, label: TAB_LABELS[id] }))} value={tab} onChange={(t) => setParams({ tab: t })} />
        <TabPanel idPrefix="cluster" tab={tab}>
          {tab === "overview" && <ClusterOverviewTab slug={org.slug} clusterId={c.id} frameworks={frameworks} framework={framework} days={days} onChange={(ch) => setParams(ch)} />}
          {tab === "controls" && (
            <ClusterControlsTab slug={org.slug} clusterId={c.id} clusterName={c.name} framework={framework} frameworkName={frameworkName} status={params.status ?? ""} onChange={(ch) => setParams(ch)} />
          )}
          {tab === "drift" && <ClusterDriftTab slug={org.slug} clusterId={c.id} frameworks={frameworks} from={params.from ?? ""} to={params.to ?? ""} onChange={(ch) => setParams(ch)} />}
          {tab === "resources" && (
            <ClusterResourcesTab
              slug={org.slug}
              clusterId={c.id}
              clusterName={c.name}
              canManage={hasRole(org.role, "ADMIN")}
              filters={{ kind: params.kind, namespace: params.namespace, q: params.q, failing: params.failing, object: params.object }}
              onChange={(ch) => setParams(ch)}
            />
          )}
          {tab === "agent" && <ClusterAgentTab slug={org.slug} clusterId={c.id} />}
          {tab === "vulnerabilities" && <ClusterVulnerabilitiesTab slug={org.slug} clusterId={c.id} onOpenObject={(key) => setParams({ tab: "resources", object: key, kind: "", namespace: "", q: "", failing: "" })} />}
        </TabPanel>
      </div>
    </div>
  );
}
