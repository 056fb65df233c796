"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import { GraphNodeIcon } from "@/components/graph/graph-icons";
import { addedCount, mergeExpansion, type DrawnGraph } from "@/components/graph/merge-graph";
import { RbacGraphCanvas } from "@/components/graph/rbac-graph-canvas";
import { rbacLinks } from "@/components/rbac/rbac-links";
import { SeverityBadge, SeverityIcon, SEVERITIES, SEVERITY_STYLE } from "@/components/rbac/severity";
import { useOrg } from "@/components/shell/org-context";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Input, Select } from "@/components/ui/form-field";
import { EmptyState, ErrorState, InlineAlert, Skeleton } from "@/components/ui/states";
import { graphQueryOptions, useRbacGraph, useRbacSearch, type GraphNodeData } from "@/lib/queries/rbac";

const DEFAULT_NEIGHBOURS = 12;
const MORE_STEP = 24;
// Expansions accumulate in the browser; past this a drawing stops being readable (and fast).
const MAX_DRAWN_NODES = 300;

function SearchBox({ slug, clusterId, onPick }: { slug: string; clusterId: string; onPick: (id: string) => void }) {
  const [text, setText] = useState("");
  const [debounced, setDebounced] = useState("");
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(text.trim()), 200);
    return () => clearTimeout(t);
  }, [text]);
  const results = useRbacSearch(slug, clusterId, debounced);
  return (
    <div className="relative w-80">
      <Input
        type="search"
        aria-label="Search subjects, roles and workloads"
        placeholder="Search subjects, roles, workloads…"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      {open && debounced && (
        <ul role="listbox" aria-label="Search results" className="absolute z-20 mt-1 max-h-80 w-full overflow-auto rounded-md border border-zinc-200 bg-white py-1 shadow-lg">
          {results.data?.length ? (
            results.data.map((r) => (
              <li key={r.id}>
                <button
                  type="button"
                  role="option"
                  aria-selected={false}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => {
                    onPick(r.id);
                    setOpen(false);
                    setText("");
                  }}
                  className="flex w-full items-center gap-2 px-3 py-1.5 text-left text-sm hover:bg-zinc-50"
                >
                  <GraphNodeIcon type={r.type} subjectKind={r.kind} className="text-zinc-500" />
                  <span className="min-w-0 flex-1 truncate">{r.label}</span>
                  <span className="text-xs text-zinc-400">{r.kind}</span>
                  {r.risk && <SeverityIcon severity={r.risk} />}
                </button>
              </li>
            ))
          ) : (
            <li className="px-3 py-2 text-sm text-zinc-500">{results.isFetching ? "Searching…" : "Nothing matches."}</li>
          )}
        </ul>
      )}
    </div>
  );
}

function Legend() {
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-zinc-600" aria-label="Legend">
      {SEVERITIES.map((s) => (
        <span key={s} className={cn("inline-flex items-center gap-1", SEVERITY_STYLE[s].text)}>
          <SeverityIcon severity={s} /> {s}
        </span>
      ))}
      <span className="text-zinc-300">|</span>
      {(["subject", "binding", "role", "permission", "workload"] as const).map((t) => (
        <span key={t} className="inline-flex items-center gap-1">
          <GraphNodeIcon type={t} className="text-zinc-500" /> {t}
        </span>
      ))}
    </div>
  );
}

function NodeDetails({
  node,
  slug,
  clusterId,
  expanding,
  onExpand,
  onFocus,
}: {
  node: GraphNodeData;
  slug: string;
  clusterId: string;
  expanding: boolean;
  onExpand: (node: GraphNodeData) => void;
  onFocus: (id: string) => void;
}) {
  const links = rbacLinks(slug, clusterId);
  const name = node.object ? `${node.object.namespace ? `${node.object.namespace}/` : ""}${node.object.name}` : node.label;
  return (
    <div className="space-y-3 p-4" data-testid="graph-details">
      <div>
        <div className="flex items-center gap-1.5 text-xs uppercase tracking-wide text-zinc-500">
          <GraphNodeIcon type={node.type} subjectKind={node.subject?.kind} />
          {node.type === "subject" ? node.subject?.kind : node.type === "permission" ? `permission ${node.ruleId}` : (node.object?.kind ?? node.type)}
        </div>
        <h3 className="mt-0.5 break-all text-sm font-semibold text-zinc-900">{name}</h3>
        {node.risk && <SeverityBadge severity={node.risk} className="mt-1" />}
      </div>
      {node.badges.length > 0 && (
        <div className="flex flex-wrap gap-1">
          {node.badges.map((b) => (
            <span key={b} className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-700">
              {b}
            </span>
          ))}
        </div>
      )}
      {node.details.length > 0 && (
        <ul className="max-h-64 space-y-1 overflow-auto font-mono text-[11px] text-zinc-700">
          {node.details.map((d, i) => (
            <li key={i} className="break-words">
              {d}
            </li>
          ))}
        </ul>
      )}
      <div className="flex flex-wrap gap-2">
        {node.type === "collapsed" ? (
          <Button size="sm" onClick={() => onExpand(node)} loading={expanding}>
            Show {node.hidden} more
          </Button>
        ) : node.type !== "permission" ? (
          <>
            <Button size="sm" onClick={() => onExpand(node)} loading={expanding}>
              Expand neighbours
            </Button>
            <Button size="sm" variant="secondary" onClick={() => onFocus(node.id)}>
              Focus here
            </Button>
          </>
        ) : null}
        {node.type === "subject" && node.subject && (
          <Link href={links.subject(node.subject.key)} className="inline-flex h-7 items-center rounded-md px-2.5 text-xs font-medium text-brand-700 ring-1 ring-inset ring-brand-100 hover:bg-brand-50">
            Effective permissions →
          </Link>
        )}
      </div>
    </div>
  );
}

/** The graph explorer: a focused view from the API, expanded hop by hop in the browser. */
export function GraphExplorerClient({ clusterId }: { clusterId: string }) {
  const org = useOrg();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const queryClient = useQueryClient();
  const focus = searchParams.get("focus") ?? undefined;
  const from = searchParams.get("from") ?? undefined;
  // From a workload the interesting part (its roles' permissions) is three hops away.
  const [depthChoice, setDepthChoice] = useState<{ focus?: string; depth: number } | null>(null);
  const depth = depthChoice && depthChoice.focus === focus ? depthChoice.depth : focus?.startsWith("workload:") ? 3 : 2;
  const base = useRbacGraph(org.slug, clusterId, { focus, depth });

  const [drawn, setDrawn] = useState<DrawnGraph | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [expandingId, setExpandingId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [neighbourCaps, setNeighbourCaps] = useState<Record<string, number>>({});

  // A new base answer (new focus or depth) replaces whatever was expanded before.
  useEffect(() => {
    if (!base.data) return;
    setDrawn({ nodes: base.data.nodes, edges: base.data.edges });
    setNeighbourCaps({});
    setNotice(null);
    setSelectedId(base.data.focus);
  }, [base.data]);

  const setFocus = useCallback(
    (id: string) => {
      const params = new URLSearchParams();
      params.set("focus", id);
      router.push(`${pathname}?${params.toString()}`);
    },
    [router, pathname],
  );

  const expand = useCallback(
    async (node: GraphNodeData) => {
      if (!drawn) return;
      if (drawn.nodes.length >= MAX_DRAWN_NODES) {
        setNotice(`${drawn.nodes.length} nodes are drawn already: focus on a node ("Focus here") to start a smaller view.`);
        return;
      }
      const target = node.type === "collapsed" ? node.parent! : node.id;
      const cap = node.type === "collapsed" ? (neighbourCaps[target] ?? DEFAULT_NEIGHBOURS) + MORE_STEP : (neighbourCaps[target] ?? DEFAULT_NEIGHBOURS);
      setExpandingId(node.id);
      setNotice(null);
      try {
        const answer = await queryClient.fetchQuery(graphQueryOptions(org.slug, clusterId, { focus: target, depth: 1, maxNeighbors: cap }));
        const next = mergeExpansion(drawn, target, answer);
        const added = addedCount(drawn, next);
        setNeighbourCaps((c) => ({ ...c, [target]: cap }));
        setDrawn(next);
        setSelectedId(target);
        setNotice(added ? `Added ${added} node${added === 1 ? "" : "s"}.` : "Nothing more to show around this node.");
      } catch (error) {
        setNotice(`Could not expand: ${(error as Error).message}`);
      } finally {
        setExpandingId(null);
      }
    },
    [drawn, neighbourCaps, queryClient, org.slug, clusterId],
  );

  const onActivate = useCallback(
    (node: GraphNodeData) => {
      setSelectedId(node.id);
      if (node.type === "collapsed") void expand(node);
    },
    [expand],
  );

  const highlightIds = useMemo(() => new Set((drawn?.nodes ?? []).filter((n) => from && n.ruleId === from).map((n) => n.id)), [drawn, from]);
  const selected = drawn?.nodes.find((n) => n.id === selectedId) ?? null;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <SearchBox slug={org.slug} clusterId={clusterId} onPick={setFocus} />
        <label className="flex items-center gap-2 text-xs text-zinc-600">
          Hops
          <Select aria-label="Hops from the focus" value={String(depth)} onChange={(e) => setDepthChoice({ focus, depth: Number(e.target.value) })} className="w-20">
            {[1, 2, 3, 4].map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </Select>
        </label>
        <Legend />
      </div>
      {from && (
        <InlineAlert tone="amber">
          Opened from risky grant <span className="font-mono">{from}</span>: the permission nodes of that rule are outlined.
        </InlineAlert>
      )}
      {base.data?.truncated && <InlineAlert tone="blue">The view reached its node budget; expand nodes or focus elsewhere to see more.</InlineAlert>}
      {notice && (
        <p className="text-xs text-zinc-600" role="status">
          {notice}
        </p>
      )}
      <Card className="overflow-hidden">
        {base.isError ? (
          <ErrorState error={base.error} onRetry={() => base.refetch()} />
        ) : base.isPending || !drawn ? (
          <Skeleton className="h-[620px] w-full rounded-none" />
        ) : drawn.nodes.length === 0 ? (
          <EmptyState title="Nothing to draw" description="This cluster's snapshot has no role bindings." />
        ) : (
          <div className="flex h-[620px]">
            <div className="min-w-0 flex-1" data-testid="rbac-graph">
              <RbacGraphCanvas nodes={drawn.nodes} edges={drawn.edges} focusId={base.data.focus} selectedId={selectedId} highlightIds={highlightIds} onActivate={onActivate} />
            </div>
            <aside className="w-80 shrink-0 overflow-auto border-l border-zinc-200 bg-zinc-50/60">
              {selected ? (
                <NodeDetails node={selected} slug={org.slug} clusterId={clusterId} expanding={expandingId !== null} onExpand={expand} onFocus={setFocus} />
              ) : (
                <p className="p-4 text-sm text-zinc-500">Select a node to see its details and expand it.</p>
              )}
              <p className="border-t border-zinc-200 p-4 text-xs text-zinc-500">
                {drawn.nodes.length} nodes drawn. Views are bounded: neighbours beyond {DEFAULT_NEIGHBOURS} per node fold into “+N more”.
              </p>
            </aside>
          </div>
        )}
      </Card>
    </div>
  );
}
