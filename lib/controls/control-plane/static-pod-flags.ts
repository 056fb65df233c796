// Finds the control-plane processes of a scan (kube-apiserver, kube-controller-manager, kube-scheduler,
// etcd) and parses their command lines the way the processes themselves do, so controls can ask
// "what is the effective value of --flag, and which argument set it?".
//
// Sources, in order of preference per component:
//  1. Pod-bearing objects whose container runs the component binary (kubeadm/RKE2 static mirror pods,
//     or Deployments/StatefulSets of hosted control planes). Flags come from `command` + `args`
//     (`--a=b`, `--a b`, bare booleans, `sh -c "…"` scripts) and, for etcd, `ETCD_*` env variables.
//  2. Node facts (`NodeInfo.spec.controlPlane[component].flags`) when no object runs that component,
//     e.g. host-sensor data from a cluster whose static pods are not visible through the API.
// Managed clusters expose neither: the component then has no instance and its controls do not apply.
import { refOf } from "../../engine/object-index";
import type { EvalContext, EvalTarget, K8sObject, NodeInfo, ResourceRef } from "../../engine/types";
import { podLabelsOf, podSpecOf, WORKLOAD_KINDS } from "../../engine/workload";
import { parseKubernetesVersion, type KubernetesVersion } from "./kubernetes-version";

export type ControlPlaneComponent = "kube-apiserver" | "kube-controller-manager" | "kube-scheduler" | "etcd";

export const CONTROL_PLANE_COMPONENTS: readonly ControlPlaneComponent[] = [
  "kube-apiserver",
  "kube-controller-manager",
  "kube-scheduler",
  "etcd",
];

/** One setting of a flag as the process receives it. */
export interface FlagOccurrence {
  /** Flag name without leading dashes, e.g. `anonymous-auth`. */
  name: string;
  /** The value the process parses (`"true"` for a bare boolean flag), surrounding quotes removed. */
  value: string;
  /** False for a bare flag (`--profiling`) whose value is implied. */
  explicit: boolean;
  /** JSON path of the argument that carries the flag, in Kubescape notation. */
  path: string;
  /** True when that argument holds this flag alone (so a fix may replace it); false inside scripts. */
  standalone: boolean;
}

/** One running instance of a control-plane component. */
export interface ComponentInstance {
  component: ControlPlaneComponent;
  /** The resource findings are reported on (the pod or workload, or the NodeInfo). */
  resource: ResourceRef;
  /** Human-readable location for messages, e.g. `Pod kube-system/kube-apiserver-cp1`. */
  where: string;
  source: "workload" | "node-facts";
  /** Every flag setting, in the order the process reads them (later settings win). */
  occurrences: FlagOccurrence[];
  /** Path at which the k-th missing flag would be appended (undefined for node facts). */
  appendPath(k: number): string | undefined;
  /** Kubernetes version of the component when its image tag (or the cluster facts) tell it. */
  version?: KubernetesVersion;
  /** The node it runs on, when known (a static pod's spec.nodeName, or the NodeInfo's node). */
  nodeName?: string;
}

// Flags of these components that take no value: `--profiling false` leaves "false" as a positional
// argument (pflag and Go's flag package only accept `--flag=false` for booleans).
const BOOLEAN_FLAGS = new Set([
  "add_dir_header",
  "allocate-node-cidrs",
  "allow-privileged",
  "alsologtostderr",
  "anonymous-auth",
  "audit-log-compress",
  "audit-log-truncate-enabled",
  "audit-webhook-truncate-enabled",
  "auto-tls",
  "client-cert-auth",
  "configure-cloud-routes",
  "contention-profiling",
  "debug",
  "enable-aggregator-routing",
  "enable-bootstrap-token-auth",
  "enable-dynamic-provisioning",
  "enable-garbage-collector",
  "enable-grpc-gateway",
  "enable-hostpath-provisioner",
  "enable-logs-handler",
  "enable-pprof",
  "enable-priority-and-fairness",
  "enable-taint-manager",
  "enable-v2",
  "force-new-cluster",
  "kubelet-https",
  "leader-elect",
  "logtostderr",
  "one_output",
  "peer-auto-tls",
  "peer-client-cert-auth",
  "peer-skip-client-san-verification",
  "permit-address-sharing",
  "permit-port-sharing",
  "pre-vote",
  "profiling",
  "service-account-extend-token-expiration",
  "service-account-lookup",
  "skip_headers",
  "skip_log_headers",
  "socket-reuse-address",
  "socket-reuse-port",
  "strict-reconfig-check",
  "use-service-account-credentials",
  "watch-cache",
]);

const SHELLS = new Set(["sh", "bash", "ash", "dash", "zsh", "busybox"]);
const SHELL_OPERATORS = new Set([";", "&&", "||", "|", "&", "\n"]);

/** Words whose presence in a shell script may start a component. */
const BINARY_NAMES = ["kube-apiserver", "kube-controller-manager", "kube-scheduler", "etcd", "hyperkube"];

/** Names under which `hyperkube <name>` runs a component. */
const HYPERKUBE_ALIASES: Record<string, ControlPlaneComponent> = {
  "kube-apiserver": "kube-apiserver",
  apiserver: "kube-apiserver",
  "kube-controller-manager": "kube-controller-manager",
  "controller-manager": "kube-controller-manager",
  "kube-scheduler": "kube-scheduler",
  scheduler: "kube-scheduler",
};

function basename(token: string): string {
  const slash = token.lastIndexOf("/");
  return slash >= 0 ? token.slice(slash + 1) : token;
}

/** Strips one pair of matching surrounding quotes (`"/etc/x"` written literally in YAML). */
export function unquote(value: string): string {
  if (value.length >= 2) {
    const first = value[0];
    if ((first === '"' || first === "'") && value[value.length - 1] === first) return value.slice(1, -1);
  }
  return value;
}

/**
 * Splits a POSIX shell command line into words and operators: single quotes, double quotes with
 * backslash escapes, backslash escapes, and `;`, `&&`, `||`, `|`, `&`, newline as separate tokens.
 * Variables and globs are left as written.
 */
export function splitShellWords(script: string): string[] {
  const words: string[] = [];
  let current = "";
  let inWord = false;
  let i = 0;
  const flush = () => {
    if (inWord) words.push(current);
    current = "";
    inWord = false;
  };
  while (i < script.length) {
    const ch = script[i];
    if (ch === "\\" && i + 1 < script.length) {
      if (script[i + 1] === "\n") {
        i += 2;
        continue;
      }
      current += script[i + 1];
      inWord = true;
      i += 2;
    } else if (ch === "'") {
      const end = script.indexOf("'", i + 1);
      const stop = end < 0 ? script.length : end;
      current += script.slice(i + 1, stop);
      inWord = true;
      i = stop + 1;
    } else if (ch === '"') {
      i++;
      inWord = true;
      while (i < script.length && script[i] !== '"') {
        if (script[i] === "\\" && i + 1 < script.length && '"\\$`'.includes(script[i + 1])) {
          current += script[i + 1];
          i += 2;
        } else current += script[i++];
      }
      i++;
    } else if (ch === "\n" || ch === ";" || ch === "|" || ch === "&") {
      flush();
      const two = script.slice(i, i + 2);
      if (two === "&&" || two === "||") {
        words.push(two);
        i += 2;
      } else {
        words.push(ch);
        i++;
      }
    } else if (ch === " " || ch === "\t" || ch === "\r") {
      flush();
      i++;
    } else {
      current += ch;
      inWord = true;
      i++;
    }
  }
  flush();
  return words;
}

/** An argument of the process with the JSON path it came from. */
interface Argument {
  text: string;
  path: string;
}

/**
 * Parses process arguments (after the binary) into flag settings, following pflag / Go flag rules:
 * `--name=value`, `--name value` (not for booleans), bare booleans, `--` ends the flags.
 * `singleDashLong` accepts `-name=value` too (etcd uses Go's flag package).
 */
export function parseFlagArguments(args: readonly Argument[], singleDashLong = false, standalone = true): FlagOccurrence[] {
  const occurrences: FlagOccurrence[] = [];
  for (let i = 0; i < args.length; i++) {
    const { text, path } = args[i];
    if (text === "--") break;
    let body: string;
    if (text.startsWith("--")) body = text.slice(2);
    else if (singleDashLong && text.startsWith("-") && text.length > 2) body = text.slice(1);
    else continue;
    if (!body || body.startsWith("-")) continue;
    const eq = body.indexOf("=");
    if (eq >= 0) {
      occurrences.push({ name: body.slice(0, eq), value: unquote(body.slice(eq + 1)), explicit: true, path, standalone });
      continue;
    }
    const name = body;
    const next = args[i + 1];
    if (!BOOLEAN_FLAGS.has(name) && next && !next.text.startsWith("-")) {
      // The value sits in the next argument: replacing this one alone would not fix it.
      occurrences.push({ name, value: unquote(next.text), explicit: true, path, standalone: false });
      i++;
    } else {
      occurrences.push({ name, value: "true", explicit: false, path, standalone });
    }
  }
  return occurrences;
}

/** The component a binary token names, given the token after it (for `hyperkube <component>`). */
function componentOfBinary(token: string, next: string | undefined): { component: ControlPlaneComponent; skip: number } | undefined {
  const name = basename(token);
  if (name === "kube-apiserver" || name === "kube-controller-manager" || name === "kube-scheduler" || name === "etcd") {
    return { component: name, skip: 1 };
  }
  if (name === "hyperkube" && next && HYPERKUBE_ALIASES[next]) return { component: HYPERKUBE_ALIASES[next], skip: 2 };
  return undefined;
}

/** Recognizes a binary token (given the token after it) and says how many tokens it spans. */
type BinaryMatcher<N extends string> = (token: string, next: string | undefined) => { name: N; skip: number } | undefined;

function imageComponent(image: unknown): ControlPlaneComponent | undefined {
  if (typeof image !== "string") return undefined;
  const repo = basename(image.split("@")[0].replace(/:[^/]*$/, ""));
  return (CONTROL_PLANE_COMPONENTS as readonly string[]).includes(repo) ? (repo as ControlPlaneComponent) : undefined;
}

export interface ParsedProcess<N extends string> {
  name: N;
  occurrences: FlagOccurrence[];
  /**
   * Where a new flag belongs: `args` when the container passes its flags there, else `command`;
   * undefined when the process runs inside a shell script (a new list item would not reach it).
   */
  appendTo?: "command" | "args";
}

/**
 * Finds a process in one container's `command` + `args` (directly, or in a `sh -c` script) and
 * parses its flags. `names` are the binary names `match` can recognize (a cheap pre-check for
 * scripts); `fallback` names the process when the container has no command and the image entrypoint
 * runs it. `containerPath` is the container's JSON path, e.g. `spec.containers[0]`.
 */
export function parseProcessFlags<N extends string>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  container: any,
  containerPath: string,
  match: BinaryMatcher<N>,
  names: readonly string[],
  fallback?: N | (() => N | undefined),
): ParsedProcess<N> | undefined {
  const command: unknown[] = Array.isArray(container?.command) ? container.command : EMPTY;
  const args: unknown[] = Array.isArray(container?.args) ? container.args : EMPTY;
  const count = command.length + args.length;
  const appendTo = args.length > 0 ? "args" : "command";

  if (count >= 3 && SHELLS.has(basename(wordAt(command, args, 0)))) {
    let dashC = -1;
    for (let i = 1; i < count - 1 && dashC < 0; i++) if (wordAt(command, args, i) === "-c") dashC = i;
    if (dashC < 0) return undefined;
    const script = wordAt(command, args, dashC + 1);
    if (!names.some((n) => script.includes(n))) return undefined;
    return parseScript(script, pathAt(command, containerPath, dashC + 1), match);
  }
  // The binary is among the leading words, before the first flag (`hyperkube apiserver --…`).
  for (let i = 0; i < count; i++) {
    const word = wordAt(command, args, i);
    if (word.startsWith("-") && word !== "--") break;
    const binary = match(word, i + 1 < count ? wordAt(command, args, i + 1) : undefined);
    if (binary) {
      const flags = argumentsFrom(command, args, containerPath, i + binary.skip);
      return { name: binary.name, occurrences: parseFlagArguments(flags, binary.name === "etcd"), appendTo };
    }
  }
  if (command.length === 0 && fallback) {
    // The image's own entrypoint runs the process: every arg is a flag.
    const name = typeof fallback === "function" ? fallback() : fallback;
    if (name) return { name, occurrences: parseFlagArguments(argumentsFrom(command, args, containerPath, 0), name === "etcd"), appendTo };
  }
  return undefined;
}

const EMPTY: unknown[] = [];

// Argument paths are built only once a process is recognized: most containers run something else.
function wordAt(command: unknown[], args: unknown[], i: number): string {
  const value = i < command.length ? command[i] : args[i - command.length];
  return typeof value === "string" ? value : String(value ?? "");
}

function pathAt(command: unknown[], containerPath: string, i: number): string {
  return i < command.length ? `${containerPath}.command[${i}]` : `${containerPath}.args[${i - command.length}]`;
}

function argumentsFrom(command: unknown[], args: unknown[], containerPath: string, from: number): Argument[] {
  const list: Argument[] = [];
  for (let i = from; i < command.length + args.length; i++) list.push({ text: wordAt(command, args, i), path: pathAt(command, containerPath, i) });
  return list;
}

/** Each simple command of a script is a candidate; `exec`, `env` and VAR=value prefixes are skipped. */
function parseScript<N extends string>(script: string, scriptPath: string, match: BinaryMatcher<N>): ParsedProcess<N> | undefined {
  const words = splitShellWords(script);
  for (let start = 0; start < words.length; ) {
    let end = start;
    while (end < words.length && !SHELL_OPERATORS.has(words[end])) end++;
    let i = start;
    while (i < end && (words[i] === "exec" || words[i] === "env" || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]))) i++;
    const binary = i < end ? match(words[i], words[i + 1]) : undefined;
    if (binary) {
      const flagArgs = words.slice(i + binary.skip, end).map((word) => ({ text: word, path: scriptPath }));
      return { name: binary.name, occurrences: parseFlagArguments(flagArgs, binary.name === "etcd", false) };
    }
    start = end + 1;
  }
  return undefined;
}

export type ParsedContainerCommand = ParsedProcess<ControlPlaneComponent>;

/**
 * Recognizes a control-plane process in one container (`command` + `args`, a `sh -c` script, or an
 * image whose entrypoint is the component) and parses its flags, etcd's `ETCD_*` variables included.
 */
export function parseContainerCommand(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  container: any,
  containerPath: string,
  /** The pod's `component` label, consulted only for a container without command. */
  labelComponent?: () => ControlPlaneComponent | undefined,
): ParsedContainerCommand | undefined {
  // The image entrypoint only counts for a container without command; no closure per container
  // (this runs for every container of the scan).
  const hasCommand = Array.isArray(container?.command) && container.command.length > 0;
  const fallback = hasCommand ? undefined : fallbackComponent(container, labelComponent);
  const parsed = parseProcessFlags(container, containerPath, matchComponentBinary, BINARY_NAMES, fallback);
  if (parsed?.name === "etcd") parsed.occurrences = [...etcdEnvironmentFlags(container, containerPath), ...parsed.occurrences];
  return parsed;
}

/** The component an image entrypoint runs: by image name, or by the pod's `component` label naming the container. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function fallbackComponent(container: any, labelComponent: (() => ControlPlaneComponent | undefined) | undefined): ControlPlaneComponent | undefined {
  const byLabel = labelComponent?.();
  return imageComponent(container?.image) ?? (byLabel && container?.name === byLabel ? byLabel : undefined);
}

function matchComponentBinary(token: string, next: string | undefined): { name: ControlPlaneComponent; skip: number } | undefined {
  const found = componentOfBinary(token, next);
  return found && { name: found.component, skip: found.skip };
}

/** etcd reads `ETCD_<FLAG_NAME>` variables for flags not given on the command line. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function etcdEnvironmentFlags(container: any, containerPath: string): FlagOccurrence[] {
  const env: unknown[] = Array.isArray(container?.env) ? container.env : [];
  const result: FlagOccurrence[] = [];
  env.forEach((entry, i) => {
    const e = entry as { name?: unknown; value?: unknown };
    if (typeof e?.name !== "string" || typeof e.value !== "string" || !e.name.startsWith("ETCD_")) return;
    const name = e.name.slice(5).toLowerCase().replace(/_/g, "-");
    if (name) result.push({ name, value: unquote(e.value), explicit: true, path: `${containerPath}.env[${i}].value`, standalone: false });
  });
  return result;
}

function labelComponentOf(obj: K8sObject): ControlPlaneComponent | undefined {
  const value = podLabelsOf(obj).component;
  return (CONTROL_PLANE_COMPONENTS as readonly string[]).includes(value) ? (value as ControlPlaneComponent) : undefined;
}

/**
 * etcd is a common application datastore too; only the cluster's own etcd counts: in kube-system,
 * or labelled as a control-plane component.
 */
function isClusterEtcd(obj: K8sObject): boolean {
  const labels = podLabelsOf(obj);
  return obj.metadata?.namespace === "kube-system" || labels.tier === "control-plane" || labels.component === "etcd";
}

function describe(obj: K8sObject): string {
  const ns = obj.metadata?.namespace;
  return `${obj.kind} ${ns ? `${ns}/` : ""}${obj.metadata?.name ?? ""}`;
}

/**
 * False when the container's `command` + `args` cannot start a process named in `names`: every entry
 * is a string that contains none of them (a binary or script word must contain the name to match;
 * the parser stringifies other entries, so those are left to it). A cheap test before parsing.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function commandMentions(container: any, names: readonly string[]): boolean {
  const hinted = HINTED_NAME_LISTS.has(names);
  return listMentions(container.command, names, hinted) || listMentions(container.args, names, hinted);
}

function listMentions(list: unknown, names: readonly string[], hinted: boolean): boolean {
  if (!Array.isArray(list)) return false;
  for (let i = 0; i < list.length; i++) {
    const entry = list[i];
    if (typeof entry !== "string" || mentions(entry, names, hinted)) return true;
  }
  return false;
}

/** Whether the text contains one of the names; `hinted` when each name contains "kube" or "etcd" (see HINTED_NAME_LISTS). */
function mentions(text: string, names: readonly string[], hinted: boolean): boolean {
  // Two searches rule out most texts (flags, paths, images) instead of one per name.
  if (hinted && !text.includes("kube") && !text.includes("etcd")) return false;
  for (const name of names) if (text.includes(name)) return true;
  return false;
}

/**
 * False when `parseContainerCommand` cannot find a component in the container: its command line names
 * none (of `names`, BINARY_NAMES or more), and without a command neither its image nor its name (for
 * the pod's `component` label) does.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function mayRunComponent(container: any, names: readonly string[] = BINARY_NAMES): boolean {
  if (commandMentions(container, names)) return true;
  if (Array.isArray(container.command) && container.command.length > 0) return false;
  const image = container.image;
  if (typeof image === "string" && mentions(image, CONTROL_PLANE_COMPONENTS, COMPONENTS_HINTED)) return true;
  return (CONTROL_PLANE_COMPONENTS as readonly unknown[]).includes(container.name);
}

/** A regular container of a top-level pod-bearing object, with its JSON path. */
export interface CommandCandidate {
  obj: K8sObject;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  container: any;
  /** e.g. `spec.containers[0]` */
  path: string;
}

export const KUBE_PROXY: readonly string[] = ["kube-proxy"];
const CANDIDATE_NAMES: readonly string[] = [...BINARY_NAMES, ...KUBE_PROXY];

/** Name lists each of whose names contains "kube" or "etcd", so a word with neither mentions none of them. */
const HINTED_NAME_LISTS: ReadonlySet<readonly string[]> = new Set(
  [BINARY_NAMES, KUBE_PROXY, CANDIDATE_NAMES, CONTROL_PLANE_COMPONENTS].filter((list) => list.every((n) => n.includes("kube") || n.includes("etcd"))),
);
const COMPONENTS_HINTED = HINTED_NAME_LISTS.has(CONTROL_PLANE_COMPONENTS);

/**
 * The containers that may run a control-plane component or kube-proxy, in scan order: one pass over
 * every container of the scan, shared by the control-plane instances and SS-0291. Pods of a
 * Deployment are judged on the Deployment; mirror pods (owned by their Node) on themselves.
 */
export function commandCandidates(ctx: EvalContext): CommandCandidate[] {
  return ctx.cache("control-plane/command-candidates", () => findCommandCandidates(ctx));
}

function findCommandCandidates(ctx: EvalContext): CommandCandidate[] {
  const candidates: CommandCandidate[] = [];
  for (const kind of WORKLOAD_KINDS) {
    for (const obj of ctx.index.evaluationTargets(kind).objects) {
      const at = podSpecOf(obj);
      const containers: unknown[] = at && Array.isArray(at.spec.containers) ? at.spec.containers : EMPTY;
      for (let index = 0; index < containers.length; index++) {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const container = containers[index] as any;
        if (!container || typeof container !== "object") continue;
        if (mayRunComponent(container, CANDIDATE_NAMES)) {
          candidates.push({ obj, container, path: `${at!.path}.containers[${index}]` });
        }
      }
    }
  }
  return candidates;
}

function workloadInstances(ctx: EvalContext): ComponentInstance[] {
  const instances: ComponentInstance[] = [];
  for (const { obj, container, path } of commandCandidates(ctx)) {
    if (!mayRunComponent(container)) continue;
    const parsed = parseContainerCommand(container, path, () => labelComponentOf(obj));
    if (!parsed) continue;
    if (parsed.name === "etcd" && !isClusterEtcd(obj)) continue;
    const command: unknown[] = Array.isArray(container.command) ? container.command : [];
    const args: unknown[] = Array.isArray(container.args) ? container.args : [];
    const { appendTo } = parsed;
    const base = appendTo === "args" ? args.length : command.length;
    const version = parsed.name === "etcd" ? undefined : parseKubernetesVersion(imageTag(container.image)) ?? clusterVersion(ctx);
    instances.push({
      component: parsed.name,
      resource: { object: refOf(obj) },
      where: describe(obj),
      source: "workload",
      occurrences: parsed.occurrences,
      appendPath: (k) => (appendTo ? `${path}.${appendTo}[${base + k}]` : undefined),
      version,
      nodeName: obj.kind === "Pod" && typeof obj.spec?.nodeName === "string" ? obj.spec.nodeName : undefined,
    });
  }
  return instances;
}

function imageTag(image: unknown): string | undefined {
  if (typeof image !== "string") return undefined;
  const withoutDigest = image.split("@")[0];
  const colon = withoutDigest.lastIndexOf(":");
  return colon > withoutDigest.lastIndexOf("/") ? withoutDigest.slice(colon + 1) : undefined;
}

function clusterVersion(ctx: EvalContext): KubernetesVersion | undefined {
  return parseKubernetesVersion(ctx.cluster.kubernetesVersion);
}

function nodeFactInstances(ctx: EvalContext, component: ControlPlaneComponent): ComponentInstance[] {
  const instances: ComponentInstance[] = [];
  for (const node of ctx.nodes as NodeInfo[]) {
    const facts = node.spec?.controlPlane?.[component];
    if (!facts || typeof facts.flags !== "object" || facts.flags === null) continue;
    const occurrences: FlagOccurrence[] = Object.entries(facts.flags).map(([rawName, value]) => {
      const name = rawName.replace(/^-+/, "");
      const text = value === null || value === undefined ? "" : String(value);
      return {
        name,
        value: text === "" && BOOLEAN_FLAGS.has(name) ? "true" : unquote(text),
        explicit: text !== "",
        path: `spec.controlPlane.${component}.flags.${name}`,
        standalone: false,
      };
    });
    const nodeName = node.spec?.nodeName || node.metadata?.name || "";
    const resource: ResourceRef = {
      object: { apiVersion: node.apiVersion, kind: node.kind, name: node.metadata?.name || nodeName },
    };
    instances.push({
      component,
      resource,
      where: `node ${nodeName}`,
      source: "node-facts",
      occurrences,
      appendPath: () => undefined,
      version: component === "etcd" ? undefined : clusterVersion(ctx),
      nodeName,
    });
  }
  return instances;
}

/**
 * Every instance of a component in the scan: from pod-bearing objects, or from node facts when no
 * object runs it. An etcd started with `--config-file` ignores its flags and environment, so such an
 * instance is left out (its settings live in a file the scan cannot read).
 */
export function componentInstances(ctx: EvalContext, component: ControlPlaneComponent): ComponentInstance[] {
  const all = ctx.cache("control-plane/workload-instances", () => workloadInstances(ctx));
  return ctx.cache(`control-plane/instances/${component}`, () => {
    let instances = all.filter((i) => i.component === component);
    if (instances.length === 0) instances = nodeFactInstances(ctx, component);
    if (component === "etcd") instances = instances.filter((i) => !lastFlag(i, "config-file")?.value);
    return instances;
  });
}

/** Control targets: one per instance of the component (none on managed clusters → not applicable). */
export function componentTargets(component: ControlPlaneComponent) {
  return (ctx: EvalContext): EvalTarget<ComponentInstance>[] =>
    componentInstances(ctx, component).map((instance) => ({ resource: instance.resource, value: instance }));
}

/** The effective setting of a flag: the last one given (pflag and Go's flag package overwrite). */
export function lastFlag(instance: ComponentInstance, name: string): FlagOccurrence | undefined {
  for (let i = instance.occurrences.length - 1; i >= 0; i--) {
    if (instance.occurrences[i].name === name) return instance.occurrences[i];
  }
  return undefined;
}

/**
 * A list-valued flag (`--enable-admission-plugins`, `--authorization-mode`, `--tls-cipher-suites`):
 * repeated settings append, each is split on commas; empty items are dropped.
 */
export function listFlag(instance: ComponentInstance, name: string): { values: string[]; occurrences: FlagOccurrence[] } {
  const occurrences = instance.occurrences.filter((o) => o.name === name);
  const values = occurrences.flatMap((o) => o.value.split(",").map((v) => unquote(v.trim())).filter(Boolean));
  return { values, occurrences };
}

const TRUE_VALUES = new Set(["1", "t", "T", "true", "TRUE", "True"]);
const FALSE_VALUES = new Set(["0", "f", "F", "false", "FALSE", "False"]);

/** Parses a boolean the way Go's strconv.ParseBool does; undefined when the text is not a boolean. */
export function parseGoBool(text: string): boolean | undefined {
  if (TRUE_VALUES.has(text)) return true;
  if (FALSE_VALUES.has(text)) return false;
  return undefined;
}

/**
 * `--feature-gates` as a map (`A=true,B=false`, repeatable; later settings win), with the
 * occurrence that set each gate.
 */
export function featureGates(instance: ComponentInstance): Map<string, { enabled: boolean | undefined; occurrence: FlagOccurrence }> {
  const gates = new Map<string, { enabled: boolean | undefined; occurrence: FlagOccurrence }>();
  for (const occurrence of instance.occurrences) {
    if (occurrence.name !== "feature-gates") continue;
    for (const item of occurrence.value.split(",")) {
      const [key, value = ""] = item.split("=");
      if (key.trim()) gates.set(key.trim(), { enabled: parseGoBool(value.trim()), occurrence });
    }
  }
  return gates;
}
