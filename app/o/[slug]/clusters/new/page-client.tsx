"use client";

import Link from "next/link";
import { useState } from "react";
import { useOrg } from "@/components/shell/org-context";
import { IssuedTokenPanel } from "@/components/tokens/issued-token-panel";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { FormField, Input, Select } from "@/components/ui/form-field";
import { PageHeader } from "@/components/ui/page-header";
import { InlineAlert } from "@/components/ui/states";
import { can } from "@/lib/auth/roles";
import { useRegisterCluster, type RegisterClusterResult } from "@/lib/queries/clusters";
import { CLUSTER_ENVIRONMENTS, CLUSTER_PROVIDERS, parseLabelText, PROVIDER_LABELS, ZRegisterCluster } from "@/lib/zod/clusters";

export function RegisterClusterClient() {
  const org = useOrg();
  const register = useRegisterCluster(org.slug);
  const [form, setForm] = useState({ name: "", provider: "eks", environment: "production", region: "", labels: "" });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<RegisterClusterResult | null>(null);

  if (!can.manageClusters(org.role)) {
    return (
      <div>
        <PageHeader title="Register cluster" />
        <InlineAlert tone="amber">Registering clusters needs the ADMIN or OWNER role. You are a {org.role.toLowerCase()} in {org.name}.</InlineAlert>
      </div>
    );
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const parsed = ZRegisterCluster.safeParse({
      name: form.name,
      provider: form.provider,
      environment: form.environment,
      ...(form.region.trim() ? { region: form.region.trim() } : {}),
      ...(form.labels.trim() ? { labels: parseLabelText(form.labels) } : {}),
    });
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
      return setFieldErrors(errors);
    }
    setFieldErrors({});
    register.mutate(parsed.data, { onSuccess: setResult });
  }

  if (result) {
    return (
      <div className="max-w-3xl">
        <PageHeader
          eyebrow={<Link href={`/o/${org.slug}/clusters`}>← Clusters</Link>}
          title={`Install the agent on ${result.cluster.name}`}
          description="The cluster is registered. Install the agent with this token; the cluster shows as reporting after its first snapshot."
        />
        <Card>
          <CardBody className="py-4">
            <IssuedTokenPanel
              token={result.token.token}
              prefix={result.token.prefix}
              installCommands={result.installCommands}
              footer={
                <div className="flex justify-end gap-2 pt-2">
                  <Link href={`/o/${org.slug}/clusters/${result.cluster.id}`} className={buttonClasses("secondary")}>
                    View cluster
                  </Link>
                  <Link href={`/o/${org.slug}/clusters`} className={buttonClasses("primary")}>
                    I have copied the token
                  </Link>
                </div>
              }
            />
          </CardBody>
        </Card>
      </div>
    );
  }

  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm((f) => ({ ...f, [k]: e.target.value }));

  return (
    <div className="max-w-2xl">
      <PageHeader eyebrow={<Link href={`/o/${org.slug}/clusters`}>← Clusters</Link>} title="Register a cluster" description="Describe the cluster; you get an agent token and the install command next." />
      <Card>
        <CardHeader title="Cluster details" />
        <CardBody className="py-4">
          <form onSubmit={submit} className="space-y-4" noValidate>
            {register.error && <InlineAlert>{register.error.message}</InlineAlert>}
            <FormField label="Name" htmlFor="cluster-name" error={fieldErrors.name} hint="Lowercase letters, digits, '-' and '.', e.g. prod-eu-west-1.">
              <Input id="cluster-name" value={form.name} onChange={set("name")} placeholder="prod-eu-west-1" autoFocus aria-invalid={!!fieldErrors.name} />
            </FormField>
            <div className="grid grid-cols-2 gap-4">
              <FormField label="Provider" htmlFor="cluster-provider" error={fieldErrors.provider}>
                <Select id="cluster-provider" value={form.provider} onChange={set("provider")}>
                  {CLUSTER_PROVIDERS.filter((p) => p !== "unknown").map((p) => (
                    <option key={p} value={p}>
                      {PROVIDER_LABELS[p]}
                    </option>
                  ))}
                </Select>
              </FormField>
              <FormField label="Environment" htmlFor="cluster-environment" error={fieldErrors.environment}>
                <Select id="cluster-environment" value={form.environment} onChange={set("environment")}>
                  {CLUSTER_ENVIRONMENTS.map((e) => (
                    <option key={e} value={e}>
                      {e}
                    </option>
                  ))}
                </Select>
              </FormField>
            </div>
            <FormField label="Region (optional)" htmlFor="cluster-region" error={fieldErrors.region}>
              <Input id="cluster-region" value={form.region} onChange={set("region")} placeholder="eu-west-1" />
            </FormField>
            <FormField label="Labels (optional)" htmlFor="cluster-labels" error={fieldErrors.labels} hint="Comma-separated key=value pairs, e.g. team=payments, tier=critical.">
              <Input id="cluster-labels" value={form.labels} onChange={set("labels")} placeholder="team=payments, tier=critical" />
            </FormField>
            <div className="flex justify-end gap-2 pt-1">
              <Link href={`/o/${org.slug}/clusters`} className={buttonClasses("secondary")}>
                Cancel
              </Link>
              <Button type="submit" loading={register.isPending}>
                Register and create token
              </Button>
            </div>
          </form>
        </CardBody>
      </Card>
    </div>
  );
}
