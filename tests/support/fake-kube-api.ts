// A local HTTP server that speaks the parts of the Kubernetes API an agent reads: discovery
// (/api, /api/v1, /apis, /apis/<g>/<v>, /version), list with limit/continue (opaque tokens,
// remainingItemCount, items without kind/apiVersion, Status errors) and get-by-name, over recorded
// real objects. Faults can be injected per resource: 403, a 500 or a hang in the middle of a
// paginated list, slow responses. Used by agent tests and bench:agent; binds to 127.0.0.1 only.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name?: string; namespace?: string; [k: string]: unknown };
  [k: string]: unknown;
}

export interface FakeKubeFaults {
  /** Resources (plural, or `group/plural`) answered with 403 Forbidden. */
  forbidden?: string[];
  /** Resource → page index (0-based) answered with a 500 once, then served normally. */
  failOncePage?: Record<string, number>;
  /** Resource → page index that never answers (the client must time out). */
  hangPage?: Record<string, number>;
  /** Delay added to every response, in milliseconds. */
  delayMs?: number;
}

interface ResourceInfo {
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
  items: KubeObject[];
}

const CLUSTER_SCOPED = new Set([
  "Namespace", "Node", "PersistentVolume", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition",
  "StorageClass", "PriorityClass", "RuntimeClass", "IngressClass", "CSIDriver", "CSINode", "VolumeAttachment",
  "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration", "ValidatingAdmissionPolicy",
  "ValidatingAdmissionPolicyBinding", "APIService", "CertificateSigningRequest", "PodSecurityPolicy",
  "ClusterIssuer", "GatewayClass", "FlowSchema", "PriorityLevelConfiguration", "CiliumClusterwideNetworkPolicy",
]);

const IRREGULAR_PLURALS: Record<string, string> = { Endpoints: "endpoints", PodSecurityPolicy: "podsecuritypolicies" };

export function pluralOf(kind: string): string {
  if (IRREGULAR_PLURALS[kind]) return IRREGULAR_PLURALS[kind];
  const lower = kind.toLowerCase();
  if (/(s|x|ch|sh)$/.test(lower)) return `${lower}es`;
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  return `${lower}s`;
}

function status(code: number, reason: string, message: string) {
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, code };
}

export class FakeKubeApi {
  private server?: http.Server;
  private readonly resources = new Map<string, ResourceInfo>();
  private readonly served = new Map<string, number>();
  /** Every request path served, for assertions. */
  readonly requests: string[] = [];
  faults: FakeKubeFaults;
  gitVersion: string;

  constructor(objects: KubeObject[], options: { faults?: FakeKubeFaults; gitVersion?: string } = {}) {
    this.faults = options.faults ?? {};
    this.gitVersion = options.gitVersion ?? "v1.33.2";
    for (const obj of objects) {
      if (!obj || typeof obj.apiVersion !== "string" || typeof obj.kind !== "string") continue;
      const [group, version] = obj.apiVersion.includes("/") ? obj.apiVersion.split("/") : ["", obj.apiVersion];
      const key = `${group}/${version}/${obj.kind}`;
      let info = this.resources.get(key);
      if (!info) {
        info = { group, version, kind: obj.kind, plural: pluralOf(obj.kind), namespaced: !CLUSTER_SCOPED.has(obj.kind), items: [] };
        this.resources.set(key, info);
      }
      info.items.push(obj);
    }
  }

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  /** A kubeconfig (YAML text) pointing at this server. */
  kubeconfig(url: string, token = "fake-token"): string {
    return [
      "apiVersion: v1",
      "kind: Config",
      "clusters:",
      `- name: fake`,
      `  cluster: { server: "${url}", insecure-skip-tls-verify: true }`,
      "users:",
      `- name: fake`,
      `  user: { token: "${token}" }`,
      "contexts:",
      `- name: fake`,
      "  context: { cluster: fake, user: fake }",
      "current-context: fake",
      "",
    ].join("\n");
  }

  private groups(): Map<string, Set<string>> {
    const groups = new Map<string, Set<string>>();
    for (const r of this.resources.values()) {
      if (!groups.has(r.group)) groups.set(r.group, new Set());
      groups.get(r.group)!.add(r.version);
    }
    return groups;
  }

  private resourceList(group: string, version: string) {
    const resources = [...this.resources.values()]
      .filter((r) => r.group === group && r.version === version)
      .map((r) => ({
        name: r.plural,
        singularName: r.kind.toLowerCase(),
        namespaced: r.namespaced,
        kind: r.kind,
        verbs: ["get", "list", "watch"],
      }));
    return { kind: "APIResourceList", apiVersion: "v1", groupVersion: group ? `${group}/${version}` : version, resources };
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://x");
    this.requests.push(url.pathname + url.search);
    const send = (code: number, body: unknown) => {
      if (res.destroyed) return;
      res.writeHead(code, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (this.faults.delayMs) await new Promise((r) => setTimeout(r, this.faults.delayMs));
    const parts = url.pathname.split("/").filter(Boolean);
    if (url.pathname === "/version") return send(200, { major: "1", minor: this.gitVersion.split(".")[1], gitVersion: this.gitVersion, platform: "linux/amd64" });
    if (url.pathname === "/api") return send(200, { kind: "APIVersions", versions: ["v1"], serverAddressByClientCIDRs: [] });
    if (url.pathname === "/apis") {
      const groups = [...this.groups()].filter(([g]) => g !== "").map(([name, versions]) => {
        const list = [...versions].map((v) => ({ groupVersion: `${name}/${v}`, version: v }));
        return { name, versions: list, preferredVersion: list[0] };
      });
      return send(200, { kind: "APIGroupList", apiVersion: "v1", groups });
    }
    let group: string;
    let version: string;
    let rest: string[];
    if (parts[0] === "api" && parts.length >= 2) {
      group = "";
      version = parts[1];
      rest = parts.slice(2);
    } else if (parts[0] === "apis" && parts.length >= 3) {
      group = parts[1];
      version = parts[2];
      rest = parts.slice(3);
    } else if (parts[0] === "apis" && parts.length === 2) {
      const versions = this.groups().get(parts[1]);
      if (!versions) return send(404, status(404, "NotFound", "the server could not find the requested resource"));
      const list = [...versions].map((v) => ({ groupVersion: `${parts[1]}/${v}`, version: v }));
      return send(200, { kind: "APIGroup", apiVersion: "v1", name: parts[1], versions: list, preferredVersion: list[0] });
    } else return send(404, status(404, "NotFound", "the server could not find the requested resource"));

    if (rest.length === 0) {
      if (!this.groups().get(group)?.has(version)) return send(404, status(404, "NotFound", "the server could not find the requested resource"));
      return send(200, this.resourceList(group, version));
    }
    let namespace: string | undefined;
    if (rest[0] === "namespaces" && rest.length >= 3) {
      namespace = rest[1];
      rest = rest.slice(2);
    }
    const [plural, name] = rest;
    const info = [...this.resources.values()].find((r) => r.group === group && r.version === version && r.plural === plural);
    if (!info) return send(404, status(404, "NotFound", "the server could not find the requested resource"));
    const faultKey = [plural, `${group}/${plural}`];
    if (this.faults.forbidden?.some((f) => faultKey.includes(f))) {
      return send(403, status(403, "Forbidden", `${plural}${group ? `.${group}` : ""} is forbidden: User "system:serviceaccount:shipshape:agent" cannot list resource "${plural}" in API group "${group}" at the cluster scope`));
    }
    let items = info.items;
    if (namespace) items = items.filter((o) => o.metadata.namespace === namespace);
    if (name) {
      const found = items.find((o) => o.metadata.name === name);
      return found ? send(200, found) : send(404, status(404, "NotFound", `${plural} "${name}" not found`));
    }
    const limit = Math.max(0, Number(url.searchParams.get("limit") ?? 0));
    const token = url.searchParams.get("continue");
    let offset = 0;
    if (token) {
      try {
        offset = JSON.parse(Buffer.from(token, "base64url").toString("utf8")).o;
      } catch {
        return send(400, status(400, "BadRequest", "invalid continue token"));
      }
      if (typeof offset !== "number" || offset < 0) return send(400, status(400, "BadRequest", "invalid continue token"));
    }
    const page = limit ? Math.floor(offset / limit) : 0;
    const servedKey = `${group}/${plural}#${page}`;
    const hang = this.faults.hangPage?.[plural] ?? this.faults.hangPage?.[`${group}/${plural}`];
    if (hang !== undefined && hang === page) return; // never answers
    const failPage = this.faults.failOncePage?.[plural] ?? this.faults.failOncePage?.[`${group}/${plural}`];
    if (failPage !== undefined && failPage === page && !this.served.has(`fail:${servedKey}`)) {
      this.served.set(`fail:${servedKey}`, 1);
      return send(500, status(500, "InternalError", "etcdserver: request timed out"));
    }
    const slice = limit ? items.slice(offset, offset + limit) : items.slice(offset);
    const next = limit && offset + limit < items.length ? Buffer.from(JSON.stringify({ o: offset + limit })).toString("base64url") : undefined;
    const listItems = slice.map((o) => {
      // Items of built-in lists carry no kind/apiVersion, as on a real API server.
      const { kind: _kind, apiVersion: _apiVersion, ...restOfObject } = o;
      void _kind;
      void _apiVersion;
      return group === "" || !group.includes(".") || group.endsWith(".k8s.io") ? restOfObject : o;
    });
    send(200, {
      kind: `${info.kind}List`,
      apiVersion: group ? `${group}/${version}` : version,
      metadata: {
        resourceVersion: "12345",
        ...(next ? { continue: next, remainingItemCount: items.length - offset - slice.length } : {}),
      },
      items: listItems,
    });
  }
}
