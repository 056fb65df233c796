/** A finding's resource key (`group/Kind/namespace/name`, `subject/Kind/ns/name` or `cluster`) as Kind + namespace/name. */
export function parseResourceKey(key: string): { kind: string; namespace: string; name: string; subject: boolean } {
  if (key === "cluster") return { kind: "Cluster", namespace: "", name: "(cluster-wide)", subject: false };
  const parts = key.split("/");
  if (parts[0] === "subject") return { kind: parts[1] ?? "", namespace: parts[2] ?? "", name: parts.slice(3).join("/"), subject: true };
  return { kind: parts[1] ?? "", namespace: parts[2] ?? "", name: parts.slice(3).join("/"), subject: false };
}

export function resourceLabel(key: string): string {
  const r = parseResourceKey(key);
  return `${r.kind} ${r.namespace ? `${r.namespace}/` : ""}${r.name}`;
}

export function ResourceName({ resourceKey, className }: { resourceKey: string; className?: string }) {
  const r = parseResourceKey(resourceKey);
  return (
    <span className={className} title={resourceKey}>
      <span className="text-xs text-zinc-500">{r.subject ? `${r.kind} (subject)` : r.kind}</span>{" "}
      <span className="font-mono text-xs text-zinc-900">
        {r.namespace ? <span className="text-zinc-500">{r.namespace}/</span> : null}
        {r.name}
      </span>
    </span>
  );
}
