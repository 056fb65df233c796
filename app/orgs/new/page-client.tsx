"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { FormField, Input } from "@/components/ui/form-field";
import { InlineAlert } from "@/components/ui/states";
import { useCreateOrganization } from "@/lib/queries/organizations";
import { slugify, ZCreateOrganization } from "@/lib/zod/orgs";
import { describeIssues } from "@/lib/zod/describe-issues";

export function CreateOrganizationClient({ existing }: { existing: { slug: string; name: string }[] }) {
  const router = useRouter();
  const create = useCreateOrganization();
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [slugTouched, setSlugTouched] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const effectiveSlug = slugTouched ? slug : name ? slugify(name) : "";

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    const parsed = ZCreateOrganization.safeParse({ name, ...(slugTouched && slug ? { slug } : {}) });
    if (!parsed.success) return setError(describeIssues(parsed.error));
    create.mutate(parsed.data, {
      onSuccess: (org) => router.push(`/o/${org.slug}`),
      onError: (err) => setError(err.message),
    });
  }

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-lg font-semibold text-zinc-900">Create an organization</h1>
        <p className="mt-1 text-sm text-zinc-500">An organization holds your clusters, agent tokens and members. You will be its owner.</p>
      </div>
      <Card>
        <CardBody className="py-5">
          <form onSubmit={submit} className="space-y-4">
            {error && <InlineAlert>{error}</InlineAlert>}
            <FormField label="Organization name" htmlFor="org-name">
              <Input id="org-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="Acme Platform Team" required autoFocus />
            </FormField>
            <FormField label="URL" htmlFor="org-slug" hint={`Links look like /o/${effectiveSlug || "your-org"}/clusters`}>
              <Input
                id="org-slug"
                value={effectiveSlug}
                onChange={(e) => {
                  setSlugTouched(true);
                  setSlug(e.target.value.toLowerCase());
                }}
                placeholder="acme-platform"
              />
            </FormField>
            <div className="flex justify-end">
              <Button type="submit" loading={create.isPending}>
                Create organization
              </Button>
            </div>
          </form>
        </CardBody>
      </Card>
      {existing.length > 0 && (
        <div className="text-sm text-zinc-500">
          Or go back to{" "}
          {existing.map((o, i) => (
            <span key={o.slug}>
              {i > 0 && ", "}
              <Link className="font-medium text-brand-700 hover:underline" href={`/o/${o.slug}`}>
                {o.name}
              </Link>
            </span>
          ))}
          .
        </div>
      )}
      {existing.length === 0 && <p className="text-sm text-zinc-500">Were you invited to an existing organization? Open the invitation link you received instead.</p>}
    </div>
  );
}
