"use client";

import "@xyflow/react/dist/style.css";
import { Background, Controls, Handle, MarkerType, Position, ReactFlow, ReactFlowProvider, useReactFlow, type Edge, type Node, type NodeProps } from "@xyflow/react";
import { memo, useEffect, useMemo } from "react";
import { SEVERITY_STYLE, SeverityIcon } from "@/components/rbac/severity";
import { cn } from "@/components/ui/cn";
import type { GraphEdgeData, GraphNodeData } from "@/lib/queries/rbac";
import { GraphNodeIcon } from "./graph-icons";
import { layoutGraph } from "./graph-layout";

const NODE_WIDTH = 230;
const NODE_HEIGHT = 68;

type CardData = { node: GraphNodeData; focused: boolean; selected: boolean; highlighted: boolean; onActivate: (node: GraphNodeData) => void };
type CardNode = Node<CardData, "rbac">;

const TYPE_LABEL: Record<GraphNodeData["type"], string> = {
  subject: "Subject",
  binding: "Binding",
  role: "Role",
  workload: "Workload",
  permission: "Permission",
  collapsed: "More",
};

function typeLine(node: GraphNodeData): string {
  if (node.type === "subject") return node.subject?.kind === "ServiceAccount" ? "Service account" : (node.subject?.kind ?? "Subject");
  if (node.type === "permission") return `Permission ${node.ruleId ?? ""}`;
  if (node.type === "collapsed") return "Folded neighbours";
  return node.object?.kind ?? TYPE_LABEL[node.type];
}

function nameLine(node: GraphNodeData): string {
  if (node.type === "binding" || node.type === "role" || node.type === "workload") {
    return node.object ? `${node.object.namespace ? `${node.object.namespace}/` : ""}${node.object.name}` : node.label;
  }
  return node.label;
}

const NodeCard = memo(function NodeCard({ data }: NodeProps<CardNode>) {
  const { node, focused, selected, highlighted, onActivate } = data;
  const risk = node.risk ? SEVERITY_STYLE[node.risk] : null;
  const collapsed = node.type === "collapsed";
  return (
    <div
      data-testid={`graph-node-${node.id}`}
      data-node-type={node.type}
      data-risk={node.risk ?? "none"}
      data-highlighted={highlighted ? "true" : undefined}
      role="button"
      tabIndex={0}
      aria-label={`${typeLine(node)} ${nameLine(node)}${node.risk ? `, ${node.risk} risk` : ""}`}
      onKeyDown={(e) => {
        if (e.key === "Enter" || e.key === " ") onActivate(node);
      }}
      className={cn(
        "flex h-[68px] w-[230px] flex-col justify-center gap-0.5 rounded-md border-2 bg-white px-2.5 py-1.5 text-left shadow-sm",
        risk ? cn(risk.border, risk.fill) : "border-zinc-300",
        collapsed && "border-dashed bg-zinc-50 text-zinc-600",
        focused && "ring-4 ring-brand-200",
        highlighted && "ring-4 ring-amber-300",
        selected && "outline-2 outline-offset-2 outline-brand-600",
      )}
    >
      <Handle type="target" position={Position.Left} className="!size-1.5 !border-0 !bg-zinc-400" />
      <div className="flex items-center gap-1.5 text-[10px] uppercase tracking-wide text-zinc-500">
        <GraphNodeIcon type={node.type} subjectKind={node.subject?.kind} className="size-3 text-zinc-600" />
        <span className="truncate">{typeLine(node)}</span>
        {node.risk && (
          <span className={cn("ml-auto inline-flex items-center gap-0.5 font-semibold normal-case", risk!.text)}>
            <SeverityIcon severity={node.risk} />
            {node.risk}
          </span>
        )}
      </div>
      <div className="truncate text-[13px] font-semibold text-zinc-900" title={nameLine(node)}>
        {collapsed ? `${node.label} — click to show` : nameLine(node)}
      </div>
      {node.badges.length > 0 && (
        <div className="flex gap-1 overflow-hidden">
          {node.badges.slice(0, 3).map((b) => (
            <span key={b} className="shrink-0 rounded bg-zinc-900/5 px-1 text-[10px] text-zinc-700">
              {b}
            </span>
          ))}
        </div>
      )}
      <Handle type="source" position={Position.Right} className="!size-1.5 !border-0 !bg-zinc-400" />
    </div>
  );
});

const NODE_TYPES = { rbac: NodeCard };

const EDGE_LABEL: Record<GraphEdgeData["kind"], string> = {
  binds: "bound by",
  grants: "grants",
  aggregates: "aggregates",
  "member-of": "member of",
  "runs-as": "runs as",
  more: "",
  allows: "allows",
};

/** Edges drawn in reading order: subject → binding → role → permission (the API's "binds" points binding → subject). */
function drawnEdge(edge: GraphEdgeData): { source: string; target: string } {
  return edge.kind === "binds" ? { source: edge.to, target: edge.from } : { source: edge.from, target: edge.to };
}

function Canvas({ nodes, edges, focusId, selectedId, highlightIds, onActivate }: RbacGraphCanvasProps) {
  const flow = useReactFlow();
  const laidOut = useMemo(() => {
    const drawn = edges.map((e) => ({ ...e, ...drawnEdge(e) }));
    const positions = layoutGraph(
      nodes.map((n) => ({ id: n.id, width: NODE_WIDTH, height: NODE_HEIGHT })),
      drawn,
    );
    const flowNodes: CardNode[] = nodes.map((n) => ({
      id: n.id,
      type: "rbac",
      position: positions.get(n.id) ?? { x: 0, y: 0 },
      data: { node: n, focused: n.id === focusId, selected: n.id === selectedId, highlighted: !!highlightIds?.has(n.id), onActivate },
      draggable: true,
      connectable: false,
    }));
    const flowEdges: Edge[] = drawn.map((e) => {
      const stroke = e.kind === "allows" ? "#a1a1aa" : e.kind === "more" ? "#d4d4d8" : "#71717a";
      return {
        id: e.id,
        source: e.source,
        target: e.target,
        label: EDGE_LABEL[e.kind] || undefined,
        labelStyle: { fontSize: 10, fill: "#52525b" },
        labelBgStyle: { fill: "#fafafa" },
        style: { stroke, strokeDasharray: e.kind === "more" || e.kind === "member-of" ? "4 3" : undefined },
        markerEnd: { type: MarkerType.ArrowClosed, color: stroke, width: 16, height: 16 },
      };
    });
    return { flowNodes, flowEdges };
  }, [nodes, edges, focusId, selectedId, highlightIds, onActivate]);

  // Refit when the set of nodes changes (a new focus or an expansion), not on selection.
  const nodeSet = nodes.map((n) => n.id).join("|");
  useEffect(() => {
    const id = requestAnimationFrame(() => flow.fitView({ padding: 0.15, duration: 200, maxZoom: 1.1 }));
    return () => cancelAnimationFrame(id);
  }, [nodeSet, flow]);

  return (
    <ReactFlow
      nodes={laidOut.flowNodes}
      edges={laidOut.flowEdges}
      nodeTypes={NODE_TYPES}
      onNodeClick={(_, node) => onActivate((node as CardNode).data.node)}
      nodesConnectable={false}
      elementsSelectable
      minZoom={0.2}
      maxZoom={2}
      fitView
    >
      <Background gap={20} color="#e4e4e7" />
      <Controls showInteractive={false} position="bottom-left" />
    </ReactFlow>
  );
}

export type RbacGraphCanvasProps = {
  nodes: GraphNodeData[];
  edges: GraphEdgeData[];
  focusId: string | null;
  selectedId: string | null;
  /** Nodes to call out (e.g. the permission of the risky grant the user came from). */
  highlightIds?: ReadonlySet<string>;
  /** Click or Enter on a node: select it (and expand "+N more" nodes). */
  onActivate: (node: GraphNodeData) => void;
};

/** The RBAC graph drawn with React Flow and laid out by dagre. Data in, events out; no fetching. */
export function RbacGraphCanvas(props: RbacGraphCanvasProps) {
  return (
    <ReactFlowProvider>
      <Canvas {...props} />
    </ReactFlowProvider>
  );
}
