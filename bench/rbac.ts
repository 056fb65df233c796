// npm run bench:rbac — the RBAC model over the 11,873 RBAC objects of 5,138 rendered Helm charts
// (../shared/corpus/rbac/helm-charts-rbac.jsonl): indexing time, who-can latency, evaluation time of
// every RBAC control, and the size of focused graph views. Targets (2-core machine): indexing ≤ 1 s,
// who-can p95 ≤ 50 ms; a focused view stays within its node budget.
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { controls as rbacControls } from "../lib/controls/rbac";
import { buildContext } from "../lib/engine/build-context";
import { evaluateControl } from "../lib/engine/evaluate-control";
import { ObjectIndex } from "../lib/engine/object-index";
import type { K8sObject } from "../lib/engine/types";
import { buildRbacModel, focusGraph, type WhoCanQuery } from "../lib/rbac";

const FILE = path.resolve(__dirname, "../../shared/corpus/rbac/helm-charts-rbac.jsonl");

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function best<T>(rounds: number, fn: () => T): { ms: number; value: T } {
  let ms = Infinity;
  let value!: T;
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    value = fn();
    ms = Math.min(ms, performance.now() - t0);
  }
  return { ms, value };
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

const text = fs.readFileSync(FILE, "utf8");
const lines = text.split("\n").filter(Boolean);
const parse = best(3, () => lines.map((l) => JSON.parse(l).object as K8sObject));
const objects = parse.value.filter((o) => o && typeof o === "object").map((o) => ({ ...o, metadata: o.metadata ?? {} }));
console.log(`objects: ${objects.length} (JSON.parse of the file: ${fmt(parse.ms)})`);

const objectIndex = best(5, () => new ObjectIndex(objects));
const model = best(5, () => buildRbacModel(objectIndex.value));
const m = model.value;
const indexing = objectIndex.ms + model.ms;
console.log(
  `indexing: ${fmt(indexing)} (object index ${fmt(objectIndex.ms)} + RBAC model ${fmt(model.ms)}) — ` +
    `${(indexing / parse.ms).toFixed(2)}× JSON.parse; target ≤ 1000 ms: ${indexing <= 1000 ? "met" : "MISSED"}`,
);
console.log(
  `model: ${m.roles.length} roles (${m.roles.filter((r) => r.aggregationSelectors).length} aggregated), ${m.bindings.length} bindings, ${m.subjects().length} subjects`,
);

// who-can over a fixed, realistic mix: the verbs and resources risk reviews ask about, cluster-wide and per namespace.
const namespaces = [undefined, "default", "kube-system", "monitoring"];
const asks: WhoCanQuery[] = [
  { verb: "get", resource: "secrets" },
  { verb: "list", resource: "secrets" },
  { verb: "create", resource: "pods" },
  { verb: "create", resource: "pods", subresource: "exec" },
  { verb: "get", resource: "pods", subresource: "portforward" },
  { verb: "patch", resource: "deployments" },
  { verb: "create", resource: "serviceaccounts", subresource: "token" },
  { verb: "escalate", resource: "clusterroles" },
  { verb: "bind", resource: "clusterroles" },
  { verb: "impersonate", resource: "users" },
  { verb: "update", resource: "configmaps", name: "coredns" },
  { verb: "delete", resource: "events" },
  { verb: "create", resource: "persistentvolumes" },
  { verb: "get", resource: "nodes", subresource: "proxy" },
  { verb: "update", resource: "certificatesigningrequests", subresource: "approval" },
  { verb: "patch", resource: "mutatingwebhookconfigurations" },
  { verb: "create", resource: "customresourcedefinitions" },
  { verb: "get", resource: "widgets", apiGroup: "example.com" },
  { verb: "get", nonResourceURL: "/metrics" },
];
const queries: WhoCanQuery[] = [];
for (const ask of asks) for (const namespace of namespaces) queries.push({ ...ask, namespace });
for (const q of queries.slice(0, 10)) m.whoCan(q); // warm-up
const times: number[] = [];
let answers = 0;
for (let round = 0; round < 3; round++) {
  for (const q of queries) {
    const t0 = performance.now();
    answers += m.whoCan(q).length;
    times.push(performance.now() - t0);
  }
}
times.sort((a, b) => a - b);
const p95 = percentile(times, 95);
console.log(
  `who-can: ${times.length} queries, p50 ${fmt(percentile(times, 50))}, p95 ${fmt(p95)}, max ${fmt(times[times.length - 1])} ` +
    `(${(answers / times.length).toFixed(0)} subjects per answer on average); target p95 ≤ 50 ms: ${p95 <= 50 ? "met" : "MISSED"}`,
);

// every RBAC-area control, model built once through the scan cache as in a real scan
const ctx = buildContext({ objects });
const tModel = performance.now();
ctx.cache("rbac", () => buildRbacModel(ctx.index));
const modelInScan = performance.now() - tModel;
const perControl: { id: string; ms: number; failed: number }[] = [];
const cpuBefore = process.cpuUsage();
const tControls = performance.now();
for (const control of rbacControls) {
  const t0 = performance.now();
  const evaluation = evaluateControl(control, ctx);
  perControl.push({ id: control.id, ms: performance.now() - t0, failed: evaluation.results.filter((r) => r.violations.length).length });
}
const controlsMs = performance.now() - tControls;
const cpu = process.cpuUsage(cpuBefore);
const controlsCpuMs = (cpu.user + cpu.system) / 1000;
perControl.sort((a, b) => b.ms - a.ms);
console.log(
  `RBAC controls: ${rbacControls.length} evaluated in ${fmt(controlsMs)} wall, ${fmt(controlsCpuMs)} CPU (+ model ${fmt(modelInScan)}); slowest: ` +
    perControl.slice(0, 3).map((c) => `${c.id} ${fmt(c.ms)}`).join(", "),
);
console.log(
  `  failing resources: ` +
    [...perControl].sort((a, b) => a.id.localeCompare(b.id)).map((c) => `${c.id}=${c.failed}`).join(" "),
);

// focused views: the 20 most-bound subjects and roles, depth 2 and 3
const subjectsByBindings = [...m.subjects()].sort((a, b) => b.bindings.length - a.bindings.length).slice(0, 20);
const rolesByBindings = [...m.roles].sort((a, b) => m.bindingsOfRole(b).length - m.bindingsOfRole(a).length).slice(0, 20);
let maxNodes = 0;
let maxEdges = 0;
let maxBytes = 0;
let graphMs = 0;
let views = 0;
for (const depth of [2, 3]) {
  const focuses = [
    ...subjectsByBindings.map((s) => ({ subject: s.subject })),
    ...rolesByBindings.map((r) => ({ role: { kind: r.kind, name: r.name, namespace: r.namespace } })),
  ];
  for (const focus of focuses) {
    const t0 = performance.now();
    const g = focusGraph(m, focus, { depth, index: ctx.index });
    graphMs += performance.now() - t0;
    views++;
    maxNodes = Math.max(maxNodes, g.nodes.length);
    maxEdges = Math.max(maxEdges, g.edges.length);
    maxBytes = Math.max(maxBytes, JSON.stringify(g).length);
  }
}
const top = rolesByBindings[0];
console.log(
  `focus graph: ${views} views (top-20 subjects and roles, depth 2 and 3; most-bound role ${top.name} has ${m.bindingsOfRole(top).length} bindings): ` +
    `max ${maxNodes} nodes, ${maxEdges} edges, ${(maxBytes / 1024).toFixed(1)} KiB JSON; ${fmt(graphMs / views)} per view`,
);
