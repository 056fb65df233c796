// A small, focused graph around one subject, role or workload for the RBAC explorer: breadth-first to
// a depth, with a node budget and per-node fan-out cap; what does not fit is collapsed into one
// "+N more" node per neighbour list, so a view never carries thousands of nodes.
import type { ObjectIndex } from "../engine/object-index";
import { refOf } from "../engine/object-index";
import type { K8sObject, ObjectRef, Severity, SubjectRef } from "../engine/types";
import type { BindingNode, RbacModel, RoleKind, RoleNode } from "./model";
import { matchGrant } from "./permission-patterns";
import { RISKY_PERMISSION_RULES } from "./risky-permissions";
import { implicitGroupsOf, subjectKey, subjectLabel } from "./subjects";
import { serviceAccountOfWorkload } from "./workload-identity";

export type GraphNodeType = "subject" | "binding" | "role" | "workload" | "collapsed";

export interface GraphNode {
  id: string;
  type: GraphNodeType;
  label: string;
  /** Worst risky-permission severity carried by the node (subjects: what they get; roles: what they grant). */
  risk?: Severity;
  /** Hops from the focus. */
  depth: number;
  subject?: SubjectRef;
  object?: ObjectRef;
  /** For collapsed nodes: how many neighbours were folded. */
  hidden?: number;
}

export interface GraphEdge {
  from: string;
  to: string;
  kind: "binds" | "grants" | "aggregates" | "member-of" | "runs-as" | "more";
}

export interface FocusGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** True when the node budget stopped the expansion before the requested depth. */
  truncated: boolean;
}

export type GraphFocus =
  | { subject: SubjectRef }
  | { role: { kind: RoleKind; name: string; namespace?: string } }
  | { workload: { kind: string; name: string; namespace?: string } };

export interface FocusGraphOptions {
  /** Hops from the focus (default 2). */
  depth?: number;
  /** Node budget, collapsed nodes included (default 60). */
  maxNodes?: number;
  /** Neighbours shown per node before the rest are collapsed (default 12). */
  maxNeighbors?: number;
  /** Needed to show workloads (their service accounts) and to focus on a workload. */
  index?: ObjectIndex;
}

const SEVERITY_ORDER: Severity[] = ["critical", "high", "medium", "low"];

function worst(a: Severity | undefined, b: Severity): Severity {
  if (!a) return b;
  return SEVERITY_ORDER.indexOf(b) < SEVERITY_ORDER.indexOf(a) ? b : a;
}

/** The worst catalogue severity a role's rules would give through a ClusterRoleBinding. */
export function roleRisk(role: RoleNode): Severity | undefined {
  let risk: Severity | undefined;
  for (const rule of RISKY_PERMISSION_RULES) {
    const scope = role.kind === "Role" ? role.namespace ?? null : null;
    if (role.rules.some((r) => matchGrant({ rule: r, scope }, rule.patterns))) risk = worst(risk, rule.severity);
  }
  return risk;
}

/** The worst catalogue severity of a subject's own grants. */
export function subjectRisk(model: RbacModel, subject: SubjectRef): Severity | undefined {
  let risk: Severity | undefined;
  const grants = model.directGrants(subject);
  for (const rule of RISKY_PERMISSION_RULES) {
    if (grants.some((g) => (!rule.grantFilter || rule.grantFilter(g)) && matchGrant(g, rule.patterns))) risk = worst(risk, rule.severity);
  }
  return risk;
}

type Item =
  | { type: "subject"; subject: SubjectRef }
  | { type: "binding"; binding: BindingNode }
  | { type: "role"; role: RoleNode }
  | { type: "workload"; workload: K8sObject };

function itemId(item: Item): string {
  switch (item.type) {
    case "subject":
      return `subject:${subjectKey(item.subject)}`;
    case "binding":
      return `binding:${item.binding.id}`;
    case "role":
      return `role:${item.role.id}`;
    case "workload": {
      const r = refOf(item.workload);
      return `workload:${r.kind}/${r.namespace ?? ""}/${r.name}`;
    }
  }
}

/** Builds the focused graph; throws when the focus does not exist in the model. */
export function focusGraph(model: RbacModel, focus: GraphFocus, options: FocusGraphOptions = {}): FocusGraph {
  const depth = options.depth ?? 2;
  const maxNodes = Math.max(1, options.maxNodes ?? 60);
  const maxNeighbors = Math.max(1, options.maxNeighbors ?? 12);
  const index = options.index;

  let start: Item;
  if ("subject" in focus) start = { type: "subject", subject: focus.subject };
  else if ("role" in focus) {
    const role = model.role(focus.role.kind, focus.role.namespace, focus.role.name);
    if (!role) throw new Error(`no ${focus.role.kind} ${focus.role.namespace ? `${focus.role.namespace}/` : ""}${focus.role.name} in this scan`);
    start = { type: "role", role };
  } else {
    if (!index) throw new Error("focusing on a workload needs the object index");
    const workload = index.get(focus.workload.kind, focus.workload.namespace, focus.workload.name);
    if (!workload) throw new Error(`no ${focus.workload.kind} ${focus.workload.name} in this scan`);
    start = { type: "workload", workload };
  }

  const workloadsBySa = new Map<string, K8sObject[]>();
  if (index) {
    for (const w of index.workloads()) {
      const key = subjectKey(serviceAccountOfWorkload(w));
      let list = workloadsBySa.get(key);
      if (!list) workloadsBySa.set(key, (list = []));
      list.push(w);
    }
  }
  const aggregatedBy = new Map<RoleNode, RoleNode[]>();
  for (const role of model.roles) {
    for (const source of role.aggregatedFrom) {
      let list = aggregatedBy.get(source);
      if (!list) aggregatedBy.set(source, (list = []));
      list.push(role);
    }
  }

  const neighbours = (item: Item): { item: Item; kind: GraphEdge["kind"]; outgoing: boolean }[] => {
    switch (item.type) {
      case "subject": {
        const out: { item: Item; kind: GraphEdge["kind"]; outgoing: boolean }[] = [];
        for (const { binding } of model.directBindings(item.subject)) out.push({ item: { type: "binding", binding }, kind: "binds", outgoing: false });
        for (const group of implicitGroupsOf(item.subject)) {
          const g: SubjectRef = { kind: "Group", name: group };
          if (model.directBindings(g).length) out.push({ item: { type: "subject", subject: g }, kind: "member-of", outgoing: true });
        }
        for (const w of workloadsBySa.get(subjectKey(item.subject)) ?? []) out.push({ item: { type: "workload", workload: w }, kind: "runs-as", outgoing: false });
        return out;
      }
      case "binding": {
        const out: { item: Item; kind: GraphEdge["kind"]; outgoing: boolean }[] = [];
        if (item.binding.role) out.push({ item: { type: "role", role: item.binding.role }, kind: "grants", outgoing: true });
        for (const { subject } of item.binding.subjects) out.push({ item: { type: "subject", subject }, kind: "binds", outgoing: true });
        return out;
      }
      case "role":
        return [
          ...item.role.aggregatedFrom.map((role) => ({ item: { type: "role", role } as Item, kind: "aggregates" as const, outgoing: true })),
          ...(aggregatedBy.get(item.role) ?? []).map((role) => ({ item: { type: "role", role } as Item, kind: "aggregates" as const, outgoing: false })),
          ...model.bindingsOfRole(item.role).map((binding) => ({ item: { type: "binding", binding } as Item, kind: "grants" as const, outgoing: false })),
        ];
      case "workload":
        return [{ item: { type: "subject", subject: serviceAccountOfWorkload(item.workload) }, kind: "runs-as", outgoing: true }];
    }
  };

  const toNode = (item: Item, d: number): GraphNode => {
    const id = itemId(item);
    switch (item.type) {
      case "subject":
        return { id, type: "subject", label: subjectLabel(item.subject), depth: d, subject: item.subject, risk: subjectRisk(model, item.subject) };
      case "binding": {
        const b = item.binding;
        return { id, type: "binding", label: `${b.kind} ${b.namespace ? `${b.namespace}/` : ""}${b.name}`, depth: d, object: b.ref };
      }
      case "role": {
        const r = item.role;
        return { id, type: "role", label: `${r.kind} ${r.namespace ? `${r.namespace}/` : ""}${r.name}`, depth: d, object: r.ref, risk: roleRisk(r) };
      }
      case "workload":
        return { id, type: "workload", label: `${item.workload.kind} ${item.workload.metadata?.name ?? ""}`, depth: d, object: refOf(item.workload) };
    }
  };

  const nodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  const edgeKeys = new Set<string>();
  const addEdge = (edge: GraphEdge) => {
    const key = `${edge.from}|${edge.to}|${edge.kind}`;
    if (!edgeKeys.has(key)) {
      edgeKeys.add(key);
      edges.push(edge);
    }
  };
  let truncated = false;
  nodes.set(itemId(start), toNode(start, 0));
  let frontier: Item[] = [start];
  for (let d = 1; d <= depth && frontier.length; d++) {
    const next: Item[] = [];
    for (const item of frontier) {
      const from = itemId(item);
      const list = neighbours(item);
      let shown = 0;
      let hidden = 0;
      for (const n of list) {
        const id = itemId(n.item);
        const known = nodes.has(id);
        if (!known && (shown >= maxNeighbors || nodes.size >= maxNodes - 1)) {
          hidden++;
          continue;
        }
        if (!known) {
          nodes.set(id, toNode(n.item, d));
          next.push(n.item);
        }
        shown++;
        addEdge(n.outgoing ? { from, to: id, kind: n.kind } : { from: id, to: from, kind: n.kind });
      }
      if (hidden > 0) {
        if (nodes.size >= maxNodes) truncated = true;
        else {
          const id = `collapsed:${from}`;
          nodes.set(id, { id, type: "collapsed", label: `+${hidden} more`, depth: d, hidden });
          addEdge({ from, to: id, kind: "more" });
        }
      }
    }
    frontier = next;
  }
  if (frontier.length && depth > 0 && nodes.size >= maxNodes) truncated = true;
  return { nodes: [...nodes.values()], edges, truncated };
}
