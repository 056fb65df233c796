// Kubescape host-sensor objects → NodeInfo, on the real shapes of the regolibrary test cases
// (read by path, never copied) plus shapes from the host-scanner's documented outputs.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildContext } from "@/lib/engine/build-context";
import { decodeHostContent, nodeInfoFromHostSensor, parseCommandLine } from "@/lib/engine/host-sensor";
import type { K8sObject } from "@/lib/engine/types";

const CASES = path.resolve(__dirname, "../../../shared/corpus/regolibrary/cases");

function caseObjects(rulePath: string): K8sObject[] {
  return JSON.parse(fs.readFileSync(path.join(CASES, rulePath, "objects.json"), "utf8"));
}

function hostObject(kind: string, name: string, data: unknown): K8sObject {
  return { apiVersion: "hostdata.kubescape.cloud/v1beta0", kind, metadata: { name }, data };
}

describe("parseCommandLine", () => {
  it("reads --name=value, --name value and bare boolean flags the way pflag does", () => {
    const parsed = parseCommandLine(
      "/usr/bin/kubelet --config=/var/lib/kubelet/config.yaml --pod-max-pids 22 --protect-kernel-defaults true --v=2",
    );
    expect(parsed.executable).toBe("/usr/bin/kubelet");
    expect(parsed.flags).toEqual({
      config: "/var/lib/kubelet/config.yaml",
      "pod-max-pids": "22",
      "protect-kernel-defaults": "true",
      v: "2",
    });
    // A boolean flag does not consume the next word: "true" stays a positional argument.
    expect(parsed.positional).toEqual(["true"]);
  });

  it("keeps the last value of a repeated flag and accepts argv arrays", () => {
    expect(parseCommandLine(["kube-apiserver", "--config=/a", "--config=/b", "--profiling"]).flags).toEqual({
      config: "/b",
      profiling: "true",
    });
  });

  it("has no executable when the command line starts with a flag", () => {
    const parsed = parseCommandLine("  --tls-private-key-file=xx --config=/var/lib/kubelet/config.yaml");
    expect(parsed.executable).toBeUndefined();
    expect(parsed.flags["tls-private-key-file"]).toBe("xx");
  });

  it("treats a flag at the end or before another flag as a bare flag", () => {
    expect(parseCommandLine("etcd --name --data-dir=/var/lib/etcd --debug").flags).toEqual({
      name: "true",
      "data-dir": "/var/lib/etcd",
      debug: "true",
    });
  });
});

describe("decodeHostContent", () => {
  it("decodes the Go []byte base64 encoding and passes plain text through", () => {
    expect(decodeHostContent("cmVhZE9ubHlQb3J0OiAw")).toBe("readOnlyPort: 0");
    expect(decodeHostContent("readOnlyPort: 0\n")).toBe("readOnlyPort: 0\n");
    expect(decodeHostContent(undefined)).toBeUndefined();
    expect(decodeHostContent("")).toBeUndefined();
  });
});

describe("nodeInfoFromHostSensor — KubeletInfo", () => {
  it("maps the command line and the decoded config file", () => {
    const [node] = nodeInfoFromHostSensor(caseObjects("anonymous-requests-to-kubelet-service-updated/invalid-config-value"));
    expect(node.apiVersion).toBe("shipshape.dev/v1alpha1");
    expect(node.kind).toBe("NodeInfo");
    expect(node.spec.source).toBe("kubescape-host-sensor");
    expect(node.spec.kubeletFlags).toEqual({ "bootstrap-kubeconfig": "/etc/kubernetes/bootstrap-kubelet.conf", config: "ss" });
    expect(node.spec.kubeletConfigPath).toBe("ss");
    expect(node.spec.kubeletConfig).toMatchObject({
      streamingConnectionIdleTimeout: 0,
      eventRecordQPS: 0,
      protectKernelDefaults: false,
      authentication: { anonymous: { enabled: true }, x509: { clientCAFile: "/var/lib/minikube/certs/ca.crt" } },
      authorization: { mode: "Webhook" },
    });
    expect(node.spec.kubeletConfigError).toBeUndefined();
  });

  it("records a config file in use that the sensor could not read", () => {
    const [node] = nodeInfoFromHostSensor(caseObjects("kubelet-ip-tables/fail-sensor-failed"));
    expect(node.spec.kubeletConfig).toBeUndefined();
    expect(node.spec.kubeletConfigError).toBe("kubelet config file xxx could not be read on the node");
  });

  it("records a config file that is not valid YAML instead of guessing", () => {
    const [node] = nodeInfoFromHostSensor(caseObjects("kubelet-set-pod-limit/pass-config-set"));
    expect(node.spec.kubeletConfig).toBeUndefined();
    expect(node.spec.kubeletConfigError).toMatch(/^kubelet config file \/var\/lib\/kubelet\/config.yaml is not valid YAML/);
  });

  it("maps file facts with names and ids, and keeps two reports of one node apart", () => {
    const nodes = nodeInfoFromHostSensor(caseObjects("ensure-that-the-kubelet-service-file-ownership-is-set-to-root-root/failed"));
    expect(nodes.map((n) => n.metadata.name)).toEqual(["minikube", "minikube"]);
    expect(nodes[0].spec.files?.kubeletService).toEqual([
      { path: "/systemd/system/kubelet.service", mode: 0o660, owner: "root", group: "noroot", uid: 0, gid: 1 },
    ]);
    expect(nodes[1].spec.files?.kubeletService).toEqual([
      { path: "/systemd/system/kubelet.service", mode: 0o660, owner: "root", group: "root", uid: 0, gid: 1 },
    ]);
    expect(nodes[0].spec.files?.kubeletConfig).toMatchObject({ path: "/var/lib/kubelet/config.yaml", mode: 0o660 });
    expect(nodes[0].spec.files?.kubeletKubeconfig).toMatchObject({ path: "/var/lib/kubelet/config.yaml" });
    expect(nodes[0].spec.files?.kubeletClientCA).toMatchObject({ path: "/var/lib/minikube/certs/ca.crt" });
  });

  it("names nodes of objects without metadata 'unknown-node'", () => {
    const [node] = nodeInfoFromHostSensor(caseObjects("kubelet-event-qps/pass-argument-and-config-not-present"));
    expect(node.spec.nodeName).toBe("unknown-node");
    expect(node.spec.kubeletFlags).toEqual({ "bootstrap-kubeconfig": "/etc/kubernetes/bootstrap-kubelet.conf" });
  });
});

describe("nodeInfoFromHostSensor — ControlPlaneInfo", () => {
  it("maps the control-plane processes, files and the encryption config with keys redacted", () => {
    const [node] = nodeInfoFromHostSensor(caseObjects("external-secret-storage/passed"));
    expect(node.spec.roles).toEqual(["control-plane"]);
    const apiServer = node.spec.controlPlane?.["kube-apiserver"];
    expect(apiServer?.flags["encryption-provider-config"]).toBe("/var/lib/minikube/certs/hack/encryptionConf.yaml");
    expect(apiServer?.flags["authorization-mode"]).toBe("Node,RBAC");
    expect(apiServer?.encryptionProviderConfig?.path).toBe("/var/lib/minikube/certs/hack/encryptionConf.yaml");
    expect(apiServer?.encryptionProviderConfig?.content).toEqual({
      apiVersion: "apiserver.config.k8s.io/v1",
      kind: "EncryptionConfiguration",
      resources: [
        {
          resources: ["secrets"],
          providers: [
            { aescbc: { keys: [{ name: "key1", secret: "<redacted>" }] } },
            { kms: { name: "akeyless", endpoint: "unix:///tmp/akeyless_kms_plugin.sock", cachesize: 1000, timeout: "3s" } },
            { identity: {} },
          ],
        },
      ],
    });
    expect(node.spec.controlPlane?.["kube-controller-manager"]?.flags["use-service-account-credentials"]).toBe("true");
    expect(node.spec.controlPlane?.["kube-scheduler"]?.flags.kubeconfig).toBe("/etc/kubernetes/scheduler.conf");
    expect(node.spec.files?.apiServerManifest).toEqual({
      path: "/etc/kubernetes/manifests/kube-apiserver.yaml",
      mode: 0o600,
      owner: "root",
      group: "root",
      uid: 0,
      gid: 0,
    });
    // Unresolved names stay empty; the numeric ids still tell who owns the file.
    expect(node.spec.files?.encryptionProviderConfig).toEqual({
      path: "/var/lib/minikube/certs/hack/encryptionConf.yaml",
      mode: 0o664,
      owner: "",
      group: "",
      uid: 1000,
      gid: 999,
    });
    expect(node.spec.files?.etcdDataDir).toMatchObject({ path: "/var/lib/minikube/etcd", mode: 0o700 });
    expect(node.spec.files?.controllerManagerConf).toMatchObject({ path: "/etc/kubernetes/controller-manager.conf" });
    expect(node.spec.files?.schedulerConf).toMatchObject({ path: "/etc/kubernetes/scheduler.conf" });
    expect(node.spec.files?.adminConf).toMatchObject({ path: "/etc/kubernetes/admin.conf" });
  });

  it("maps the PKI directory and files and the audit policy", () => {
    const [pki] = nodeInfoFromHostSensor(caseObjects("ensure-that-the-Kubernetes-PKI-key-file-permissions-are-set-to-600/passed"));
    expect(pki.spec.files?.pkiDir).toMatchObject({ path: "/etc/kubernetes/pki" });
    expect((pki.spec.files?.pkiFiles as { path: string }[]).map((f) => f.path)).toEqual([
      "/etc/kubernetes/pki/ca.crt",
      "/etc/kubernetes/pki/foo.key",
    ]);
    const [audit] = nodeInfoFromHostSensor(caseObjects("audit-policy-content/pass"));
    const policy = audit.spec.controlPlane?.["kube-apiserver"]?.auditPolicy;
    expect(policy?.path).toBe("/etc/ssl/certs/audit-policy.yaml");
    expect(policy?.content?.kind).toBe("Policy");
    expect((policy?.content?.rules as unknown[]).length).toBe(10);
  });
});

describe("nodeInfoFromHostSensor — other kinds", () => {
  it("maps kernel variables to dotted sysctl names from their /proc/sys source", () => {
    const [node] = nodeInfoFromHostSensor(caseObjects("CVE-2022-0185/test_generic_pass").filter((o) => o.kind !== "Node"));
    expect(node.spec.nodeName).toBe("minikube");
    expect(node.spec.kernel?.sysctls?.["kernel.unprivileged_userns_clone"]).toBe("0");
    expect(node.spec.kernel?.sysctls?.["kernel.acct"]).toBe("4\t2\t30");
  });

  it("maps CNI names, CNI config files, kube-proxy and the metadata API check", () => {
    const [cni] = nodeInfoFromHostSensor(caseObjects("ensure-that-the-cni-in-use-supports-network-policies/pass_flannel_and_calico"));
    expect(cni.spec.cni?.names).toEqual(["Flannel", "Calico"]);
    const [cniFiles] = nodeInfoFromHostSensor(
      caseObjects("ensure-that-the-Container-Network-Interface-file-permissions-are-set-to-600-or-more-restrictive/failed"),
    );
    expect(cniFiles.spec.files?.cniConfig).toEqual([
      { path: "/etc/cni/net.d/10-minikube.conflist", mode: 0o770, owner: "root", group: "root", uid: 0, gid: 0 },
    ]);
    const [proxy] = nodeInfoFromHostSensor(caseObjects("if-proxy-kubeconfig-file-exists-ensure-permissions-are-set-to-600-or-more-restrictive/failed"));
    expect(proxy.spec.kubeProxyFlags?.kubeconfig).toBe("/etc/kubernetes/kubelet.conf");
    expect(proxy.spec.files?.kubeProxyKubeconfig).toMatchObject({ mode: 0o700 });
    const metadata = nodeInfoFromHostSensor(caseObjects("instance-metadata-api-access/failed"));
    expect(metadata.map((n) => n.spec.cloud)).toEqual([{ metadataApiReachable: true }, undefined]);
  });

  it("maps the kernel version, os-release and security modules outputs", () => {
    const [node] = nodeInfoFromHostSensor([
      hostObject("KernelVersion", "node-a", "Linux version 5.15.0-56-generic (buildd@lcy02-amd64-004) (gcc 11.3.0) #62-Ubuntu SMP"),
      hostObject("OsReleaseFile", "node-a", 'NAME="Ubuntu"\nVERSION_ID="20.04"\nID=ubuntu\nPRETTY_NAME="Ubuntu 20.04.5 LTS"\n'),
      hostObject("LinuxSecurityHardeningStatus", "node-a", { appArmor: "unloaded", seLinux: "not found" }),
      hostObject("OpenPortsList", "node-a", { tcpPorts: [] }),
    ]);
    expect(node.spec.kernel).toEqual({
      release: "5.15.0-56-generic",
      version: "Linux version 5.15.0-56-generic (buildd@lcy02-amd64-004) (gcc 11.3.0) #62-Ubuntu SMP",
    });
    expect(node.spec.os).toEqual({ id: "ubuntu", versionId: "20.04", image: "Ubuntu 20.04.5 LTS" });
    expect(node.spec.securityModules).toEqual({ appArmor: "unloaded", seLinux: "not found" });
  });

  it("groups kinds by node and tolerates missing or malformed data", () => {
    const nodes = nodeInfoFromHostSensor([
      hostObject("KubeletInfo", "node-a", { cmdLine: "kubelet --read-only-port=0" }),
      hostObject("CNIInfo", "node-b", { CNINames: ["Cilium"] }),
      hostObject("CNIInfo", "node-a", { CNINames: ["Calico"], CNIConfigFiles: [{ path: "/etc/cni/net.d/x" }] }),
      hostObject("ControlPlaneInfo", "node-c", null),
      hostObject("LinuxKernelVariables", "node-c", "not a list"),
    ]);
    expect(nodes.map((n) => n.spec.nodeName)).toEqual(["node-a", "node-b", "node-c"]);
    expect(nodes[0].spec.kubeletFlags).toEqual({ "read-only-port": "0" });
    expect(nodes[0].spec.cni?.names).toEqual(["Calico"]);
    // A file fact without permissions is not a fact: dropped rather than invented.
    expect(nodes[0].spec.files).toBeUndefined();
    expect(nodes[2].spec.roles).toEqual(["control-plane"]);
  });

  it("is what buildContext uses for hostdata objects among the scanned objects", () => {
    const ctx = buildContext({ objects: caseObjects("CVE-2022-0185/test_azure_fail") });
    expect(ctx.nodes).toHaveLength(1);
    expect(ctx.nodes[0].spec.nodeName).toBe("minikube");
    expect(ctx.index.byKind("Node")).toHaveLength(1);
    expect(ctx.index.byKind("LinuxKernelVariables")).toHaveLength(0);
  });
});
