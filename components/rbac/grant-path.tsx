// One grant path: binding → role (→ the role the rule is written in) → rule, where it applies and
// through which group. The rule entries that answered the question are highlighted.
import { cn } from "@/components/ui/cn";
import type { GrantPathData } from "@/lib/queries/rbac";

function objectText(o: { kind: string; name: string; namespace?: string }): string {
  return `${o.kind} ${o.namespace ? `${o.namespace}/` : ""}${o.name}`;
}

function Entries({ label, values, matched }: { label: string; values: string[]; matched?: string[] }) {
  if (!values.length) return null;
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <span className="text-zinc-400">{label}</span>
      {values.map((v, i) => (
        <code
          key={`${v}-${i}`}
          className={cn("rounded px-1 font-mono text-[11px]", matched?.includes(v) ? "bg-amber-100 text-amber-900 ring-1 ring-inset ring-amber-300" : "bg-zinc-100 text-zinc-700")}
        >
          {v === "" ? '""' : v}
        </code>
      ))}
    </span>
  );
}

export function GrantPath({ grant, className }: { grant: GrantPathData; className?: string }) {
  const rule = grant.rule;
  return (
    <div className={cn("space-y-1 text-xs", className)} data-testid="grant-path">
      <div className="flex flex-wrap items-center gap-1 text-zinc-700">
        <span className="font-medium">{objectText(grant.binding)}</span>
        <span aria-hidden className="text-zinc-400">→</span>
        <span className="font-medium">{objectText(grant.role)}</span>
        {grant.role.assumedBuiltin && <span className="text-zinc-400">(built-in, not in the snapshot)</span>}
        {grant.aggregatedFrom && <span className="text-zinc-500">(rule aggregated from ClusterRole {grant.aggregatedFrom})</span>}
        <span className="text-zinc-400">·</span>
        <span className="text-zinc-500">{grant.scope === null ? "in every namespace" : `in namespace ${grant.scope}`}</span>
        {grant.via && (
          <>
            <span className="text-zinc-400">·</span>
            <span className="text-zinc-500">
              via {grant.via.kind} <span className="font-medium text-zinc-700">{grant.via.name}</span>
            </span>
          </>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="text-zinc-400">rule #{grant.ruleIndex}</span>
        <Entries label="verbs" values={rule.verbs} matched={grant.matched?.verbs} />
        <Entries label="groups" values={rule.apiGroups} matched={grant.matched?.apiGroups} />
        <Entries label="resources" values={rule.resources} matched={grant.matched?.resources} />
        <Entries label="names" values={rule.resourceNames} matched={grant.matched?.resourceNames} />
        <Entries label="URLs" values={rule.nonResourceURLs} matched={grant.matched?.nonResourceURLs} />
      </div>
    </div>
  );
}
