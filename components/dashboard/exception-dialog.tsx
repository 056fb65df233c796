"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField, Input, Textarea } from "@/components/ui/form-field";
import { useSaveException, type ExceptionRow } from "@/lib/queries/exceptions";

export type ExceptionDraft = {
  controlIds: string[];
  clusters?: string[];
  namespaces?: string[];
  kinds?: string[];
  names?: string[];
  labels?: Record<string, string>;
  reason?: string;
  owner?: string | null;
  /** yyyy-mm-dd, or "" for no expiry. */
  expires?: string;
};

const list = (s: string) => s.split(",").map((v) => v.trim()).filter(Boolean);
const joined = (v: string[] | undefined) => (v ?? []).join(", ");

function labelsFrom(text: string): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const pair of list(text)) {
    const at = pair.indexOf("=");
    if (at <= 0) return `"${pair}" is not key=value`;
    out[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return out;
}

export function draftOf(e: ExceptionRow): ExceptionDraft {
  return {
    controlIds: e.controlIds,
    clusters: e.match.clusters,
    namespaces: e.match.namespaces,
    kinds: e.match.kinds,
    names: e.match.names,
    labels: e.match.labels,
    reason: e.reason,
    owner: e.owner,
    expires: e.expiresAt ? e.expiresAt.slice(0, 10) : "",
  };
}

/**
 * Create or edit an exception (a modal on the native <dialog>). Selectors are glob patterns, comma
 * separated; empty means "any". Saving re-scores the affected clusters in the background.
 */
export function ExceptionDialog({
  slug,
  open,
  onClose,
  initial,
  editing,
  onSaved,
}: {
  slug: string;
  open: boolean;
  onClose: () => void;
  initial: ExceptionDraft;
  /** The exception being edited; absent = create. */
  editing?: ExceptionRow;
  onSaved?: (result: { rescoresQueued: number }) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const save = useSaveException(slug);
  const [form, setForm] = useState(() => toForm(initial));
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setForm(toForm(initial));
      setProblem(null);
      save.reset();
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  function toForm(d: ExceptionDraft) {
    return {
      controlIds: joined(d.controlIds),
      clusters: joined(d.clusters),
      namespaces: joined(d.namespaces),
      kinds: joined(d.kinds),
      names: joined(d.names),
      labels: Object.entries(d.labels ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .join(", "),
      reason: d.reason ?? "",
      owner: d.owner ?? "",
      expires: d.expires ?? "",
    };
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const labels = labelsFrom(form.labels);
    if (typeof labels === "string") return setProblem(`Labels: ${labels}`);
    const controlIds = list(form.controlIds);
    if (!controlIds.length) return setProblem("Name at least one control id (or * for every control).");
    const match = {
      ...(list(form.clusters).length ? { clusters: list(form.clusters) } : {}),
      ...(list(form.namespaces).length ? { namespaces: list(form.namespaces) } : {}),
      ...(list(form.kinds).length ? { kinds: list(form.kinds) } : {}),
      ...(list(form.names).length ? { names: list(form.names) } : {}),
      ...(Object.keys(labels).length ? { labels } : {}),
    };
    // An expiry date means "until the end of that day" (UTC).
    const expiresAt = form.expires ? new Date(`${form.expires}T23:59:59Z`).toISOString() : null;
    setProblem(null);
    const change = editing
      ? { kind: "update" as const, patch: { id: editing.id, controlIds, match, reason: form.reason, owner: form.owner || null, expiresAt } }
      : { kind: "create" as const, input: { controlIds, match, reason: form.reason, ...(form.owner ? { owner: form.owner } : {}), expiresAt } };
    save.mutate(change, {
      onSuccess: (result) => {
        onSaved?.({ rescoresQueued: result.rescoresQueued });
        onClose();
      },
    });
  }

  const field = (name: keyof typeof form) => ({
    id: `exception-${name}`,
    value: form[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setForm((f) => ({ ...f, [name]: e.target.value })),
  });
  const error = problem ?? (save.error instanceof Error ? save.error.message : null);

  return (
    <dialog ref={ref} onClose={onClose} aria-labelledby="exception-dialog-title" className="m-auto w-full max-w-xl rounded-lg border border-zinc-200 bg-white p-0 shadow-xl">
      <form onSubmit={submit}>
        <div className="space-y-3 px-5 py-4">
          <h2 id="exception-dialog-title" className="text-sm font-semibold text-zinc-900">
            {editing ? "Edit exception" : "Create exception"}
          </h2>
          <p className="text-xs text-zinc-500">
            Matching failures become <em>excepted</em>: they count as passed in scores and stay listed. Patterns accept <code>*</code>; an empty field matches anything. Saving re-scores the affected clusters.
          </p>
          <FormField label="Controls" htmlFor="exception-controlIds" hint="Control ids, comma separated (SS-0057), or * for every control">
            <Input {...field("controlIds")} required />
          </FormField>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <FormField label="Clusters" htmlFor="exception-clusters">
              <Input {...field("clusters")} placeholder="any cluster" />
            </FormField>
            <FormField label="Namespaces" htmlFor="exception-namespaces">
              <Input {...field("namespaces")} placeholder="any namespace" />
            </FormField>
            <FormField label="Kinds" htmlFor="exception-kinds">
              <Input {...field("kinds")} placeholder="any kind" />
            </FormField>
            <FormField label="Names" htmlFor="exception-names">
              <Input {...field("names")} placeholder="any name" />
            </FormField>
          </div>
          <FormField label="Labels" htmlFor="exception-labels" hint="key=value pairs the object must carry, comma separated">
            <Input {...field("labels")} placeholder="no label condition" />
          </FormField>
          <FormField label="Reason" htmlFor="exception-reason" hint="Why this failure is accepted; shown in reports">
            <Textarea {...field("reason")} rows={2} required minLength={3} />
          </FormField>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <FormField label="Owner" htmlFor="exception-owner">
              <Input {...field("owner")} placeholder="team or person" />
            </FormField>
            <FormField label="Expires" htmlFor="exception-expires" hint="Leave empty for no expiry">
              <Input {...field("expires")} type="date" />
            </FormField>
          </div>
          {error && (
            <p className="text-sm text-red-600" role="alert">
              {error}
            </p>
          )}
        </div>
        <div className="flex justify-end gap-2 rounded-b-lg border-t border-zinc-200 bg-zinc-50 px-5 py-3">
          <Button variant="secondary" onClick={onClose} disabled={save.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {editing ? "Save changes" : "Create exception"}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
