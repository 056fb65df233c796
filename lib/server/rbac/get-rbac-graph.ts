import { AppError } from "@/lib/api/errors";
import { refOf } from "@/lib/engine/object-index";
import type { K8sObject, Severity } from "@/lib/engine/types";
import {
  focusGraph,
  hostPrivilegesOf,
  roleRisk,
  serviceAccountObjectOf,
  serviceAccountTokenMounted,
  SYSTEM_MASTERS,
  type BindingNode,
  type FocusGraph,
  type GraphFocus,
  type GraphNode,
  type RbacRule,
  type RoleNode,
} from "@/lib/rbac";
import type { ClusterRbacAnalysis } from "./cluster-rbac-analysis";
import { getClusterRbac } from "./get-cluster-rbac";
import { parseSubjectKey, subjectView, type ObjectName, type SubjectView } from "./grant-path-view";
import type { StatePoint } from "./load-cluster-objects";

export type GraphNodeType = "subject" | "binding" | "role" | "workload" | "permission" | "collapsed";

export type GraphNodeView = {
  /** Stable across requests, so a client can merge expansions: `subject:User/alice`, `role:ClusterRole/admin`… */
  id: string;
  type: GraphNodeType;
  label: string;
  risk?: Severity;
  depth: number;
  subject?: SubjectView;
  object?: ObjectName;
  /** Collapsed nodes: how many neighbours were folded, and whose. Permission nodes: the role. */
  hidden?: number;
  parent?: string;
  /** Permission nodes: the rule id (SS-…) that names the capability. */
  ruleId?: string;
  /** Short facts shown on the node: "exposed", "privileged", "token mounted", "role missing"… */
  badges: string[];
  /** Longer facts for the detail panel: a role's rules, a workload's exposure. */
  details: string[];
};

export type GraphEdgeView = { id: string; from: string; to: string; kind: FocusGraph["edges"][number]["kind"] | "allows" };

export type RbacGraph = {
  snapshot: StatePoint | null;
  /** The node the view is centred on (null when the cluster has no RBAC data). */
  focus: string | null;
  nodes: GraphNodeView[];
  edges: GraphEdgeView[];
  /** The node budget stopped the expansion before the requested depth. */
  truncated: boolean;
};

const PERMISSIONS_PER_ROLE = 6;
const RULES_IN_DETAILS = 25;

function ruleText(rule: RbacRule): string {
  const verbs = rule.verbs.join(",") || "(no verbs)";
  if (rule.nonResourceURLs.length) return `${verbs} ${rule.nonResourceURLs.join(",")}`;
  const groups = rule.apiGroups.map((g) => (g === "" ? "core" : g)).join(",");
  const names = rule.resourceNames.length ? ` named ${rule.resourceNames.join(",")}` : "";
  return `${verbs} ${rule.resources.join(",")} [${groups}]${names}`;
}

function objectName(ref: { kind: string; name: string; namespace?: string }): ObjectName {
  return ref.namespace ? { kind: ref.kind, name: ref.name, namespace: ref.namespace } : { kind: ref.kind, name: ref.name };
}

/** Parses a node id into what focusGraph takes, or a binding (which the explorer expands itself). */
function parseFocus(analysis: ClusterRbacAnalysis, focus: string): GraphFocus | { binding: BindingNode } {
  const colon = focus.indexOf(":");
  const type = focus.slice(0, colon);
  const rest = focus.slice(colon + 1);
  switch (type) {
    case "subject": {
      const subject = parseSubjectKey(rest);
      if (!subject) break;
      return { subject };
    }
    case "role": {
      const role = analysis.model.roleWithId(rest);
      if (!role) throw new AppError("not_found", `No role ${rest} in this cluster's latest snapshot.`);
      return { role: { kind: role.kind, name: role.name, namespace: role.namespace } };
    }
    case "binding": {
      const binding = analysis.model.bindings.find((b) => b.id === rest);
      if (!binding) throw new AppError("not_found", `No binding ${rest} in this cluster's latest snapshot.`);
      return { binding };
    }
    case "workload": {
      const [kind, namespace, ...name] = rest.split("/");
      if (!kind || !name.length) break;
      const workload = analysis.index.get(kind, namespace || undefined, name.join("/"));
      if (!workload) throw new AppError("not_found", `No ${kind} ${namespace ? `${namespace}/` : ""}${name.join("/")} in this cluster's latest snapshot.`);
      return { workload: { kind, namespace: namespace || undefined, name: name.join("/") } };
    }
  }
  throw new AppError("validation_failed", `focus: "${focus}" is not a node id (subject:Kind/…, role:…, binding:…, workload:Kind/namespace/name).`);
}

/** A binding with its role and subjects: the one neighbourhood focusGraph does not start from. */
function bindingGraph(binding: BindingNode, maxNeighbors: number): FocusGraph {
  const id = `binding:${binding.id}`;
  const nodes: GraphNode[] = [{ id, type: "binding", label: `${binding.kind} ${binding.namespace ? `${binding.namespace}/` : ""}${binding.name}`, depth: 0, object: binding.ref }];
  const edges: FocusGraph["edges"] = [];
  if (binding.role) {
    const r = binding.role;
    nodes.push({ id: `role:${r.id}`, type: "role", label: `${r.kind} ${r.namespace ? `${r.namespace}/` : ""}${r.name}`, depth: 1, object: r.ref, risk: roleRisk(r) });
    edges.push({ from: id, to: `role:${r.id}`, kind: "grants" });
  }
  const shown = binding.subjects.slice(0, maxNeighbors);
  for (const { subject } of shown) {
    const sid = `subject:${subjectView(subject).key}`;
    if (!nodes.some((n) => n.id === sid)) nodes.push({ id: sid, type: "subject", label: subjectView(subject).key, depth: 1, subject });
    edges.push({ from: id, to: sid, kind: "binds" });
  }
  const hidden = binding.subjects.length - shown.length;
  if (hidden > 0) {
    nodes.push({ id: `collapsed:${id}`, type: "collapsed", label: `+${hidden} more`, depth: 1, hidden });
    edges.push({ from: id, to: `collapsed:${id}`, kind: "more" });
  }
  return { nodes, edges, truncated: false };
}

function workloadFacts(analysis: ClusterRbacAnalysis, workload: K8sObject): { badges: string[]; details: string[] } {
  const badges: string[] = [];
  const exposure = analysis.exposures().get(workload);
  const privileges = hostPrivilegesOf(workload);
  if (exposure?.reasons.length) badges.push("exposed");
  if (privileges.length) badges.push("privileged");
  if (serviceAccountTokenMounted(workload, serviceAccountObjectOf(analysis.index, workload))) badges.push("token mounted");
  return { badges, details: [...(exposure?.reasons ?? []), ...privileges] };
}

function roleFacts(analysis: ClusterRbacAnalysis, role: RoleNode): { badges: string[]; details: string[] } {
  const badges: string[] = [];
  if (role.assumedBuiltin) badges.push("built-in (not in snapshot)");
  if (role.aggregationSelectors) badges.push(`aggregates ${role.aggregatedFrom.length}`);
  if (!analysis.model.bindingsOfRole(role).length) badges.push("unbound");
  const details = role.rules.slice(0, RULES_IN_DETAILS).map((r) => ruleText(r.rule) + (r.source !== role ? ` (from ${r.source.name})` : ""));
  if (role.rules.length > RULES_IN_DETAILS) details.push(`… ${role.rules.length - RULES_IN_DETAILS} more rules`);
  return { badges, details };
}

/**
 * A focused, bounded graph of the cluster's RBAC around one node (default: the riskiest subject):
 * subjects, bindings, roles, workloads, and each role's risky permissions as their own nodes.
 * Neighbours beyond `maxNeighbors` fold into "+N more" nodes; expanding a node is asking again with
 * that node as focus and merging (ids are stable).
 */
export async function getRbacGraph({
  orgId,
  clusterId,
  focus,
  depth = 2,
  maxNodes = 60,
  maxNeighbors = 12,
}: {
  orgId: string;
  clusterId: string;
  focus?: string;
  depth?: number;
  maxNodes?: number;
  maxNeighbors?: number;
}): Promise<RbacGraph> {
  const { snapshot, analysis } = await getClusterRbac({ orgId, clusterId });
  const { model, index } = analysis;
  let focusId = focus;
  if (!focusId) {
    const first = analysis.riskyGrants().find((row) => !(row.subject.kind === "Group" && row.subject.name === SYSTEM_MASTERS));
    const subject = first?.subject ?? model.subjects()[0]?.subject;
    if (!subject) return { snapshot, focus: null, nodes: [], edges: [], truncated: false };
    focusId = `subject:${subjectView(subject).key}`;
  }
  const parsed = parseFocus(analysis, focusId);
  const graph = "binding" in parsed ? bindingGraph(parsed.binding, maxNeighbors) : focusGraph(model, parsed, { depth, maxNodes, maxNeighbors, index });

  const workloadsById = new Map<string, K8sObject>();
  for (const w of index.workloads()) {
    const r = refOf(w);
    workloadsById.set(`workload:${r.kind}/${r.namespace ?? ""}/${r.name}`, w);
  }
  const bindingsById = new Map(model.bindings.map((b) => [`binding:${b.id}`, b]));
  const pathsByWorkload = new Map<string, ReturnType<ClusterRbacAnalysis["attackPaths"]>>();
  for (const path of analysis.attackPaths()) {
    const id = `workload:${path.workload.kind}/${path.workload.namespace ?? ""}/${path.workload.name}`;
    pathsByWorkload.set(id, [...(pathsByWorkload.get(id) ?? []), path]);
  }

  const nodes: GraphNodeView[] = [];
  const edges: GraphEdgeView[] = graph.edges.map((e) => ({ id: `${e.from}|${e.kind}|${e.to}`, ...e }));
  for (const node of graph.nodes) {
    const view: GraphNodeView = { id: node.id, type: node.type, label: node.label, depth: node.depth, badges: [], details: [] };
    if (node.object) view.object = objectName(node.object);
    if (node.hidden) view.hidden = node.hidden;
    if (node.type === "collapsed") view.parent = node.id.slice("collapsed:".length);
    if (node.type === "subject" && node.subject) {
      view.subject = subjectView(node.subject);
      view.label = view.subject.kind === "ServiceAccount" ? `${view.subject.namespace}/${view.subject.name}` : view.subject.name;
      // The explorer's risk = the subject's own risky grants (what the list shows), not the broader catalogue of focusGraph.
      const risk = analysis.subjectRisk(node.subject);
      if (risk) view.risk = risk;
    } else if (node.risk) {
      view.risk = node.risk;
    }
    if (node.type === "role") {
      const role = model.roleWithId(node.id.slice("role:".length));
      if (role) {
        Object.assign(view, roleFacts(analysis, role));
        const permissions = analysis.rolePermissions(role);
        view.risk = permissions[0]?.severity;
        if (!view.risk) delete view.risk;
        for (const rule of permissions.slice(0, PERMISSIONS_PER_ROLE)) {
          const pid = `permission:${role.id}:${rule.id}`;
          nodes.push({ id: pid, type: "permission", label: rule.title, risk: rule.severity, depth: node.depth + 1, parent: node.id, ruleId: rule.id, badges: [rule.id], details: [rule.capability] });
          edges.push({ id: `${node.id}|allows|${pid}`, from: node.id, to: pid, kind: "allows" });
        }
        if (permissions.length > PERMISSIONS_PER_ROLE) view.details.unshift(`${permissions.length} risky permissions; the ${PERMISSIONS_PER_ROLE} worst are drawn`);
      }
    }
    if (node.type === "binding") {
      const binding = bindingsById.get(node.id);
      if (binding?.problem) {
        view.badges.push("grants nothing");
        view.details.push(binding.problem);
      }
      if (binding) view.details.push(binding.scope === null ? "applies in every namespace" : `applies in namespace ${binding.scope}`);
    }
    if (node.type === "workload") {
      const workload = workloadsById.get(node.id);
      if (workload) Object.assign(view, workloadFacts(analysis, workload));
      // A workload's risk is where its attack paths lead (worst first).
      const paths = pathsByWorkload.get(node.id) ?? [];
      if (paths.length) {
        view.risk = paths[0].severity;
        view.details.push(...paths.map((p) => `attack path: can ${p.impactLabel}`));
      }
    }
    nodes.push(view);
  }
  // Stable: permission nodes keep their worst-first order under their role.
  nodes.sort((a, b) => a.depth - b.depth);
  return { snapshot, focus: focusId, nodes, edges, truncated: graph.truncated };
}
