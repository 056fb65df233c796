"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo, useState, type FormEvent } from "react";
import { GrantPath } from "@/components/rbac/grant-path";
import { rbacLinks } from "@/components/rbac/rbac-links";
import { SeverityBadge } from "@/components/rbac/severity";
import { SubjectLabel } from "@/components/rbac/subject-label";
import { useOrg } from "@/components/shell/org-context";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { FormField, Input } from "@/components/ui/form-field";
import { EmptyState, ErrorState, TableSkeleton } from "@/components/ui/states";
import type { TWhoCanQuery } from "@/lib/server/rbac/rbac-request-schemas";
import { useWhoCan } from "@/lib/queries/rbac";

const VERBS = ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection", "escalate", "bind", "impersonate", "approve", "sign", "use", "*"];
const RESOURCES = [
  "pods",
  "pods/exec",
  "pods/attach",
  "pods/portforward",
  "pods/ephemeralcontainers",
  "secrets",
  "configmaps",
  "serviceaccounts",
  "serviceaccounts/token",
  "deployments",
  "daemonsets",
  "statefulsets",
  "jobs",
  "cronjobs",
  "nodes",
  "nodes/proxy",
  "persistentvolumes",
  "namespaces",
  "roles",
  "rolebindings",
  "clusterroles",
  "clusterrolebindings",
  "certificatesigningrequests/approval",
  "validatingwebhookconfigurations",
  "mutatingwebhookconfigurations",
  "customresourcedefinitions",
  "users",
  "groups",
];

/** The question lives in the URL, so an answer can be shared and reloaded. */
function questionOf(params: URLSearchParams): TWhoCanQuery | null {
  const verb = params.get("verb")?.trim();
  const resource = params.get("resource")?.trim();
  const url = params.get("url")?.trim();
  if (!verb || (!resource && !url)) return null;
  const q: TWhoCanQuery = { verb };
  if (url) q.nonResourceURL = url;
  else q.resource = resource;
  for (const key of ["apiGroup", "namespace", "name"] as const) {
    const value = params.get(key);
    if (value !== null && (value.trim() || key === "apiGroup")) q[key] = value.trim();
  }
  return q;
}

export function WhoCanClient({ clusterId }: { clusterId: string }) {
  const org = useOrg();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const question = useMemo(() => questionOf(new URLSearchParams(params.toString())), [params]);
  const answer = useWhoCan(org.slug, clusterId, question);
  const links = rbacLinks(org.slug, clusterId);
  const [mode, setMode] = useState<"resource" | "url">(question?.nonResourceURL ? "url" : "resource");

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const next = new URLSearchParams();
    for (const key of mode === "url" ? ["verb", "url"] : ["verb", "resource", "apiGroup", "namespace", "name"]) {
      const value = String(form.get(key) ?? "").trim();
      if (value) next.set(key, value);
    }
    router.push(`${pathname}?${next.toString()}`);
  }

  return (
    <div className="space-y-4">
      <Card>
        <CardHeader title="Who can…" description="Every subject the cluster's RBAC allows the request, with the binding → role → rule paths that allow it. Built-in groups and system:masters included." />
        <CardBody>
          <form onSubmit={submit} className="space-y-3" aria-label="Who can">
            <div className="flex gap-4 text-xs text-zinc-600">
              <label className="inline-flex items-center gap-1.5">
                <input type="radio" name="mode" checked={mode === "resource"} onChange={() => setMode("resource")} /> a resource
              </label>
              <label className="inline-flex items-center gap-1.5">
                <input type="radio" name="mode" checked={mode === "url"} onChange={() => setMode("url")} /> a non-resource URL
              </label>
            </div>
            <div className="grid gap-3 md:grid-cols-6">
              <FormField label="Verb" htmlFor="who-can-verb">
                <Input id="who-can-verb" name="verb" list="who-can-verbs" required defaultValue={question?.verb ?? "get"} autoComplete="off" />
              </FormField>
              {mode === "resource" ? (
                <>
                  <div className="md:col-span-2">
                    <FormField label="Resource[/subresource]" htmlFor="who-can-resource" hint="e.g. secrets, pods/exec, deployments/scale">
                      <Input id="who-can-resource" name="resource" list="who-can-resources" required defaultValue={question?.resource ?? ""} autoComplete="off" />
                    </FormField>
                  </div>
                  <FormField label="Namespace" htmlFor="who-can-namespace" hint="empty = cluster-wide">
                    <Input id="who-can-namespace" name="namespace" defaultValue={question?.namespace ?? ""} autoComplete="off" />
                  </FormField>
                  <FormField label="Name" htmlFor="who-can-name" hint="optional object name">
                    <Input id="who-can-name" name="name" defaultValue={question?.name ?? ""} autoComplete="off" />
                  </FormField>
                  <FormField label="API group" htmlFor="who-can-group" hint="default: the built-in's">
                    <Input id="who-can-group" name="apiGroup" defaultValue={question?.apiGroup ?? ""} autoComplete="off" />
                  </FormField>
                </>
              ) : (
                <div className="md:col-span-3">
                  <FormField label="Non-resource URL" htmlFor="who-can-url" hint="e.g. /metrics, /healthz, /logs/">
                    <Input id="who-can-url" name="url" required defaultValue={question?.nonResourceURL ?? ""} autoComplete="off" />
                  </FormField>
                </div>
              )}
            </div>
            <datalist id="who-can-verbs">
              {VERBS.map((v) => (
                <option key={v} value={v} />
              ))}
            </datalist>
            <datalist id="who-can-resources">
              {RESOURCES.map((r) => (
                <option key={r} value={r} />
              ))}
            </datalist>
            <Button type="submit">Ask</Button>
          </form>
        </CardBody>
      </Card>

      {question && (
        <Card>
          <CardHeader
            title={answer.data ? `${answer.data.subjects.length} subject${answer.data.subjects.length === 1 ? "" : "s"} can ${answer.data.request.verb} ${answer.data.request.nonResourceURL ?? answer.data.request.resource + (answer.data.request.subresource ? `/${answer.data.request.subresource}` : "")}` : "Answer"}
            description={
              answer.data
                ? answer.data.request.nonResourceURL
                  ? "Non-resource URLs are only granted by ClusterRoleBindings."
                  : `${answer.data.request.clusterScoped ? "A cluster-scoped resource: only ClusterRoleBindings count, the namespace is ignored." : answer.data.request.namespace ? `In namespace ${answer.data.request.namespace}: ClusterRoleBindings and that namespace's RoleBindings count.` : "Cluster-wide (every namespace): only ClusterRoleBindings count."} API group: ${answer.data.request.apiGroup === "" ? "core" : answer.data.request.apiGroup}${answer.data.request.name ? ` · named ${answer.data.request.name}` : ""}.`
                : undefined
            }
          />
          {answer.isError ? (
            <ErrorState title="The question could not be answered" error={answer.error} />
          ) : answer.isPending ? (
            <TableSkeleton rows={4} columns={3} />
          ) : answer.data.subjects.length ? (
            <ul className="divide-y divide-zinc-100" data-testid="who-can-results">
              {answer.data.subjects.map((s) => (
                <li key={s.subject.key} className="space-y-2 px-4 py-3" data-testid={`who-can-${s.subject.key}`}>
                  <div className="flex flex-wrap items-center gap-2">
                    <Link href={links.subject(s.subject.key)} className="hover:underline">
                      <SubjectLabel subject={s.subject} />
                    </Link>
                    {s.superuser && (
                      <Badge tone="red" title="The API server skips authorization for system:masters">
                        superuser: bypasses RBAC
                      </Badge>
                    )}
                    {s.subject.risk && <SeverityBadge severity={s.subject.risk} />}
                    <Link href={links.graph(`subject:${s.subject.key}`)} className="ml-auto text-xs font-medium text-brand-700 hover:underline">
                      Graph →
                    </Link>
                  </div>
                  {s.workloads.length > 0 && (
                    <p className="text-xs text-zinc-500">
                      Used by {s.workloads.map((w) => `${w.kind} ${w.namespace ? `${w.namespace}/` : ""}${w.name}`).join(", ")}
                    </p>
                  )}
                  <ul className="space-y-2 border-l-2 border-zinc-200 pl-3">
                    {s.grants.map((g, i) => (
                      <li key={i}>
                        <GrantPath grant={g} />
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState title="Nobody can" description="No binding in this snapshot allows this request." />
          )}
        </Card>
      )}
    </div>
  );
}
