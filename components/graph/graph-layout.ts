// Automatic layered layout (dagre): flows left to right, from who (subjects, workloads) through
// bindings to roles and the permissions they carry. Pure: positions in, positions out.
import dagre from "@dagrejs/dagre";

export type LayoutNode = { id: string; width: number; height: number };
export type LayoutEdge = { source: string; target: string };

/** Top-left positions of every node. Edges to unknown nodes are ignored. */
export function layoutGraph(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Map<string, { x: number; y: number }> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: "LR", nodesep: 18, ranksep: 70, marginx: 10, marginy: 10 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: n.width, height: n.height });
  const ids = new Set(nodes.map((n) => n.id));
  for (const e of edges) if (ids.has(e.source) && ids.has(e.target) && e.source !== e.target) g.setEdge(e.source, e.target);
  dagre.layout(g);
  const positions = new Map<string, { x: number; y: number }>();
  for (const n of nodes) {
    const p = g.node(n.id) as { x: number; y: number } | undefined;
    // dagre gives centres; React Flow wants top-left corners.
    positions.set(n.id, p ? { x: p.x - n.width / 2, y: p.y - n.height / 2 } : { x: 0, y: 0 });
  }
  return positions;
}
