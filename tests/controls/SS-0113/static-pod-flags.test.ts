// Unit tests of the control-plane command-line reader shared by every control-plane control
// (lib/controls/control-plane/static-pod-flags.ts); kept next to SS-0113, the first of them.
import { describe, expect, it } from "vitest";
import { admissionPluginState } from "@/lib/controls/control-plane/admission-plugins";
import { parseGoDurationSeconds } from "@/lib/controls/control-plane/go-duration";
import { parseKubernetesVersion } from "@/lib/controls/control-plane/kubernetes-version";
import { hostOf, isLoopbackHost } from "@/lib/controls/control-plane/loopback-address";
import {
  componentInstances,
  featureGates,
  lastFlag,
  listFlag,
  parseContainerCommand,
  splitShellWords,
  type ComponentInstance,
} from "@/lib/controls/control-plane/static-pod-flags";
import { buildContext } from "@/lib/engine/build-context";
import type { K8sObject } from "@/lib/engine/types";

const PATH = "spec.containers[0]";

function parse(container: Record<string, unknown>) {
  const parsed = parseContainerCommand(container, PATH);
  if (!parsed) throw new Error("no control-plane process recognized");
  return parsed;
}

function instanceOf(container: Record<string, unknown>): ComponentInstance {
  const parsed = parse(container);
  return {
    component: parsed.name,
    resource: {},
    where: "test",
    source: "workload",
    occurrences: parsed.occurrences,
    appendPath: () => undefined,
  };
}

describe("parseContainerCommand", () => {
  it("reads --a=b and --a b from command, with the path of the argument", () => {
    const parsed = parse({ command: ["kube-apiserver", "--secure-port=6443", "--audit-log-path", "/var/log/audit.log"] });
    expect(parsed.name).toBe("kube-apiserver");
    expect(parsed.occurrences).toEqual([
      { name: "secure-port", value: "6443", explicit: true, path: `${PATH}.command[1]`, standalone: true },
      { name: "audit-log-path", value: "/var/log/audit.log", explicit: true, path: `${PATH}.command[2]`, standalone: false },
    ]);
    expect(parsed.appendTo).toBe("command");
  });

  it("reads flags from args when command only names the binary (RKE2, k3s)", () => {
    const parsed = parse({ command: ["kube-apiserver"], args: ["--anonymous-auth=false", "--profiling=false"] });
    expect(parsed.occurrences.map((o) => o.path)).toEqual([`${PATH}.args[0]`, `${PATH}.args[1]`]);
    expect(parsed.appendTo).toBe("args");
  });

  it("does not let a boolean flag swallow the next argument", () => {
    const parsed = parse({ command: ["kube-apiserver", "--anonymous-auth", "false", "--profiling"] });
    expect(parsed.occurrences.map((o) => [o.name, o.value])).toEqual([
      ["anonymous-auth", "true"],
      ["profiling", "true"],
    ]);
  });

  it("strips quotes written literally around a value", () => {
    const parsed = parse({ command: ["/usr/local/bin/kube-apiserver", '--audit-log-path="/var/log/audit.log"'] });
    expect(parsed.occurrences[0].value).toBe("/var/log/audit.log");
  });

  it("finds the process inside a sh -c script, with shell quoting", () => {
    const parsed = parse({
      command: ["/bin/sh", "-c"],
      args: ["mkdir -p /var/log/k8s && exec /usr/local/bin/kube-apiserver --token-auth-file '/etc/my tokens.csv' --authorization-mode=\"Node,RBAC\""],
    });
    expect(parsed.name).toBe("kube-apiserver");
    expect(parsed.occurrences.map((o) => [o.name, o.value, o.path, o.standalone])).toEqual([
      ["token-auth-file", "/etc/my tokens.csv", `${PATH}.args[0]`, false],
      ["authorization-mode", "Node,RBAC", `${PATH}.args[0]`, false],
    ]);
    expect(parsed.appendTo).toBeUndefined();
  });

  it("recognizes hyperkube sub-commands", () => {
    const parsed = parse({ command: ["/hyperkube", "controller-manager", "--profiling=false"] });
    expect(parsed.name).toBe("kube-controller-manager");
    expect(parsed.occurrences).toHaveLength(1);
  });

  it("uses the image entrypoint when the container has args but no command", () => {
    const parsed = parse({ image: "registry.k8s.io/kube-scheduler:v1.31.4", args: ["--bind-address=127.0.0.1"] });
    expect(parsed.name).toBe("kube-scheduler");
  });

  it("accepts etcd's single-dash flags and ETCD_* variables, the command line winning", () => {
    const instance = instanceOf({
      command: ["etcd", "-client-cert-auth=false"],
      env: [{ name: "ETCD_CLIENT_CERT_AUTH", value: "true" }, { name: "ETCD_CERT_FILE", value: "/pki/server.crt" }],
    });
    expect(lastFlag(instance, "client-cert-auth")?.value).toBe("false");
    expect(lastFlag(instance, "cert-file")).toMatchObject({ value: "/pki/server.crt", path: `${PATH}.env[1].value` });
  });

  it("stops at -- and ignores positional words", () => {
    const parsed = parse({ command: ["kube-apiserver", "--profiling=false", "--", "--anonymous-auth=true"] });
    expect(parsed.occurrences.map((o) => o.name)).toEqual(["profiling"]);
  });

  it("ignores a binary name that appears only as a flag value", () => {
    expect(parseContainerCommand({ command: ["/app/server", "--storage=etcd"] }, PATH)).toBeUndefined();
  });
});

describe("flag accessors", () => {
  const instance = instanceOf({
    command: [
      "kube-apiserver",
      "--secure-port=0",
      "--authorization-mode=Node",
      "--enable-admission-plugins=NodeRestriction,EventRateLimit",
      "--secure-port=6443",
      "--authorization-mode=RBAC",
      "--disable-admission-plugins=ServiceAccount",
      "--feature-gates=A=true,RotateKubeletServerCertificate=false",
    ],
  });

  it("the last setting of a scalar flag wins", () => {
    expect(lastFlag(instance, "secure-port")?.value).toBe("6443");
  });

  it("list flags append across repetitions", () => {
    expect(listFlag(instance, "authorization-mode").values).toEqual(["Node", "RBAC"]);
  });

  it("feature gates parse into a map", () => {
    expect(featureGates(instance).get("RotateKubeletServerCertificate")?.enabled).toBe(false);
    expect(featureGates(instance).get("A")?.enabled).toBe(true);
  });

  it("admission plugins combine defaults, enabled and disabled lists", () => {
    expect(admissionPluginState(instance, "EventRateLimit")).toMatchObject({ enabled: true, because: "enabled-flag" });
    expect(admissionPluginState(instance, "NamespaceLifecycle")).toMatchObject({ enabled: true, because: "default" });
    expect(admissionPluginState(instance, "ServiceAccount")).toMatchObject({ enabled: false, because: "disabled-flag" });
    expect(admissionPluginState(instance, "AlwaysPullImages")).toMatchObject({ enabled: false, because: "not-enabled" });
  });

  it("the legacy --admission-control list replaces the defaults", () => {
    const legacy = instanceOf({ command: ["kube-apiserver", "--admission-control=NamespaceLifecycle,AlwaysAdmit"] });
    expect(admissionPluginState(legacy, "AlwaysAdmit").enabled).toBe(true);
    expect(admissionPluginState(legacy, "ServiceAccount")).toMatchObject({ enabled: false, because: "not-enabled" });
  });
});

describe("componentInstances", () => {
  const apiServerPod = (namespace: string, name: string): K8sObject => ({
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace, ownerReferences: [{ apiVersion: "v1", kind: "Node", name: "cp1", controller: true, uid: "node-uid" }] },
    spec: { nodeName: "cp1", containers: [{ name: "kube-apiserver", image: "registry.k8s.io/kube-apiserver:v1.29.3", command: ["kube-apiserver"] }] },
  });
  const node: K8sObject = { apiVersion: "v1", kind: "Node", metadata: { name: "cp1", uid: "node-uid" } };

  it("keeps mirror pods owned by a Node that is part of the scan, with version and node", () => {
    const ctx = buildContext({ objects: [node, apiServerPod("kube-system", "kube-apiserver-cp1")] });
    const [instance, ...rest] = componentInstances(ctx, "kube-apiserver");
    expect(rest).toHaveLength(0);
    expect(instance.resource.object?.name).toBe("kube-apiserver-cp1");
    expect(instance.version).toMatchObject({ major: 1, minor: 29 });
    expect(instance.nodeName).toBe("cp1");
  });

  it("reports pods of a Deployment on the Deployment", () => {
    const deployment: K8sObject = {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "kube-apiserver", namespace: "hcp-tenant", uid: "d1" },
      spec: { template: { spec: { containers: [{ name: "api", command: ["kube-apiserver", "--profiling=false"] }] } } },
    };
    const replicaSet: K8sObject = {
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      metadata: { name: "kube-apiserver-7d9", namespace: "hcp-tenant", uid: "r1", ownerReferences: [{ kind: "Deployment", name: "kube-apiserver", uid: "d1", controller: true }] },
      spec: { template: { spec: { containers: [{ name: "api", command: ["kube-apiserver", "--profiling=false"] }] } } },
    };
    const ctx = buildContext({ objects: [deployment, replicaSet] });
    expect(componentInstances(ctx, "kube-apiserver").map((i) => i.resource.object?.kind)).toEqual(["Deployment"]);
  });

  it("ignores application etcd clusters outside the control plane", () => {
    const appEtcd: K8sObject = {
      apiVersion: "apps/v1",
      kind: "StatefulSet",
      metadata: { name: "etcd", namespace: "apisix" },
      spec: { template: { metadata: { labels: { app: "etcd" } }, spec: { containers: [{ name: "etcd", command: ["etcd", "--name=$(POD_NAME)"] }] } } },
    };
    expect(componentInstances(buildContext({ objects: [appEtcd] }), "etcd")).toEqual([]);
  });

  it("falls back to node facts only when no object runs the component", () => {
    const facts = {
      apiVersion: "shipshape.dev/v1alpha1",
      kind: "NodeInfo",
      metadata: { name: "cp2" },
      spec: { nodeName: "cp2", controlPlane: { "kube-apiserver": { flags: { "anonymous-auth": "false" } } } },
    } as K8sObject;
    expect(componentInstances(buildContext({ objects: [facts] }), "kube-apiserver").map((i) => i.where)).toEqual(["node cp2"]);
    const both = buildContext({ objects: [facts, node, apiServerPod("kube-system", "kube-apiserver-cp1")] });
    expect(componentInstances(both, "kube-apiserver").map((i) => i.source)).toEqual(["workload"]);
  });

  it("leaves out an etcd that reads its settings from --config-file", () => {
    const etcd: K8sObject = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "etcd-cp1", namespace: "kube-system" },
      spec: { containers: [{ name: "etcd", command: ["etcd", "--config-file=/etc/etcd/etcd.yaml"] }] },
    };
    expect(componentInstances(buildContext({ objects: [etcd] }), "etcd")).toEqual([]);
  });

  it("recognizes every way a container starts a component, among containers that start none", () => {
    const pod = (name: string, container: Record<string, unknown>, labels: Record<string, string> = {}): K8sObject => ({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name, namespace: "kube-system", labels },
      spec: { containers: [{ name: "sidecar", image: "busybox", command: ["sleep", "infinity"] }, container] },
    });
    const ctx = buildContext({
      objects: [
        pod("by-image", { name: "api", image: "registry.k8s.io/kube-apiserver:v1.30.1", args: ["--profiling=false"] }),
        pod("by-label", { name: "kube-apiserver", image: "example.com/control-plane:1", args: ["--profiling=false"] }, { component: "kube-apiserver" }),
        pod("by-args", { name: "api", image: "rancher/hardened-kubernetes", args: ["kube-apiserver", "--profiling=false"] }),
        pod("by-hyperkube", { name: "api", image: "hyperkube", command: ["/hyperkube", "apiserver", "--profiling=false"] }),
        pod("by-script", { name: "api", image: "alpine", command: ["sh", "-c", "exec /usr/local/bin/kube-apiserver --profiling=false"] }),
        pod("label-names-another-container", { name: "api", image: "example.com/control-plane:1", args: ["--profiling=false"] }, { component: "kube-apiserver" }),
        pod("name-only-in-a-value", { name: "proxy", image: "nginx", command: ["nginx", "--upstream=kube-apiserver:6443"] }),
      ],
    });
    expect(componentInstances(ctx, "kube-apiserver").map((i) => i.resource.object?.name)).toEqual([
      "by-image",
      "by-label",
      "by-args",
      "by-hyperkube",
      "by-script",
    ]);
  });

  it("finds nothing on a managed cluster", () => {
    const ctx = buildContext({ objects: [node], cluster: { provider: "eks", kubernetesVersion: "v1.31.2-eks-1" } });
    expect(componentInstances(ctx, "kube-apiserver")).toEqual([]);
  });
});

describe("value parsers", () => {
  it("splits shell words with quotes, escapes and operators", () => {
    expect(splitShellWords(`a 'b c' "d \\"e\\"" f\\ g; h && i`)).toEqual(["a", "b c", 'd "e"', "f g", ";", "h", "&&", "i"]);
  });

  it("parses Go durations and rejects a number without unit", () => {
    expect(parseGoDurationSeconds("300s")).toBe(300);
    expect(parseGoDurationSeconds("1m30s")).toBe(90);
    expect(parseGoDurationSeconds("1.5h")).toBe(5400);
    expect(parseGoDurationSeconds("0")).toBe(0);
    expect(parseGoDurationSeconds("2")).toBeUndefined();
    expect(parseGoDurationSeconds("")).toBeUndefined();
  });

  it("parses Kubernetes versions from tags and node info, not etcd tags", () => {
    expect(parseKubernetesVersion("v1.32.11-rke2r1")).toMatchObject({ major: 1, minor: 32, patch: 11 });
    expect(parseKubernetesVersion("v1.29.6-eks-1de2ab1")).toMatchObject({ minor: 29 });
    expect(parseKubernetesVersion("1.31")).toMatchObject({ minor: 31, patch: undefined });
    expect(parseKubernetesVersion("3.5.15-0")).toBeUndefined();
  });

  it("recognizes loopback hosts with and without ports", () => {
    expect(isLoopbackHost(hostOf("127.0.0.1:10249"))).toBe(true);
    expect(isLoopbackHost(hostOf("[::1]:10249"))).toBe(true);
    expect(isLoopbackHost(hostOf("::1"))).toBe(true);
    expect(isLoopbackHost(hostOf("0.0.0.0:10249"))).toBe(false);
    expect(isLoopbackHost(hostOf(":10249"))).toBe(false);
    expect(isLoopbackHost(hostOf("[::]:10249"))).toBe(false);
  });
});

describe("SS-0113 with structured authentication", () => {
  it("does not judge an API server whose anonymous settings live in --authentication-config", async () => {
    const { default: control } = await import("@/lib/controls/control-plane/ss-0113-apiserver-anonymous-auth");
    const { evaluateControl } = await import("@/lib/engine/evaluate-control");
    const pod = (flags: string[]): K8sObject => ({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "kube-apiserver-cp1", namespace: "kube-system" },
      spec: { containers: [{ name: "kube-apiserver", command: ["kube-apiserver", ...flags] }] },
    });
    const withConfig = evaluateControl(control, buildContext({ objects: [pod(["--authentication-config=/etc/kubernetes/authn.yaml"])] }));
    expect(withConfig.status).toBe("not_applicable");
    const withBoth = evaluateControl(control, buildContext({ objects: [pod(["--authentication-config=/etc/kubernetes/authn.yaml", "--anonymous-auth=true"])] }));
    expect(withBoth.status).toBe("failed");
  });
});
