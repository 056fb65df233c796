// Expanding a node asks the API for that node's neighbourhood and merges it into what is drawn.
// Node and edge ids are stable across requests, so a merge is a union; the "+N more" node of the
// expanded node is replaced by the new answer's (or dropped when everything now fits).
import type { GraphEdgeData, GraphNodeData } from "@/lib/queries/rbac";

export type DrawnGraph = { nodes: GraphNodeData[]; edges: GraphEdgeData[] };

export function mergeExpansion(current: DrawnGraph, expandedId: string, answer: DrawnGraph): DrawnGraph {
  const foldedId = `collapsed:${expandedId}`;
  const nodes = new Map(current.nodes.filter((n) => n.id !== foldedId).map((n) => [n.id, n]));
  for (const node of answer.nodes) {
    const known = nodes.get(node.id);
    // Keep what is drawn (its depth from the original focus), add what is new.
    if (!known) nodes.set(node.id, node);
  }
  const edges = new Map<string, GraphEdgeData>();
  for (const edge of [...current.edges, ...answer.edges]) {
    if (nodes.has(edge.from) && nodes.has(edge.to)) edges.set(edge.id, edge);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** How many nodes a merge added (0 = the node had nothing more to show). */
export function addedCount(before: DrawnGraph, after: DrawnGraph): number {
  const known = new Set(before.nodes.map((n) => n.id));
  return after.nodes.filter((n) => !known.has(n.id) && n.type !== "collapsed").length;
}
