// Builds a node's filesystem as node mode sees it under its host root: a temp directory with /proc
// command lines, kernel files, configuration files and key material with real modes and owners
// (tests run as root, so chown works; elsewhere ownership falls back to the current user and tests
// that need it say so). Two nodes: a kubeadm control-plane node hardened per the CIS benchmark,
// and the same node left weak.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export interface HostEntry {
  content?: string;
  mode?: number;
  uid?: number;
  gid?: number;
  /** Make a symbolic link with this target instead of a file. */
  symlink?: string;
  /** Make a directory. */
  dir?: boolean;
}

export type HostTree = Record<string, HostEntry | string>;

export const CAN_CHOWN = typeof process.getuid === "function" && process.getuid() === 0;

/** Canary strings that must never appear in anything node mode produces. */
export const CANARY = {
  privateKey: "canary-private-key-9d1e",
  kubeconfigKey: "canary-kubeconfig-client-key-44b2",
  encryptionKey: "Y2FuYXJ5LWVuY3J5cHRpb24ta2V5LTAwMDAwMDAwMA==",
  staticPodHeader: "Bearer canary-static-pod-url-token-77",
  cloudSecret: "canary-cloud-client-secret-3c5a",
} as const;

/** Writes a host tree under a new temp directory; returns its path (the host root). */
export function buildHostTree(tree: HostTree): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "shipshape-host-"));
  const entries = Object.entries(tree).sort(([a], [b]) => a.localeCompare(b));
  for (const [hostPath, value] of entries) {
    const entry: HostEntry = typeof value === "string" ? { content: value } : value;
    const local = path.join(root, hostPath);
    fs.mkdirSync(path.dirname(local), { recursive: true });
    if (entry.symlink !== undefined) {
      fs.symlinkSync(entry.symlink, local);
      continue;
    }
    if (entry.dir) fs.mkdirSync(local, { recursive: true });
    else fs.writeFileSync(local, entry.content ?? "");
    if (CAN_CHOWN) fs.chownSync(local, entry.uid ?? 0, entry.gid ?? 0);
    fs.chmodSync(local, entry.mode ?? (entry.dir ? 0o755 : 0o644));
  }
  return root;
}

export function removeHostTree(root: string): void {
  fs.rmSync(root, { recursive: true, force: true });
}

/** `/proc/<pid>/cmdline` as the kernel writes it: NUL-terminated arguments. */
export function cmdline(...argv: string[]): string {
  return argv.map((a) => `${a}\0`).join("");
}

const PASSWD = [
  "root:x:0:0:root:/root:/bin/bash",
  "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin",
  "etcd:x:998:998:etcd user:/var/lib/etcd:/usr/sbin/nologin",
  "kube:x:1001:1001::/home/kube:/bin/sh",
  "",
].join("\n");
const GROUP = ["root:x:0:", "daemon:x:1:", "etcd:x:998:", "kube:x:1001:", ""].join("\n");

const HARDENED_KUBELET_CONFIG = `apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
authentication:
  anonymous:
    enabled: false
  webhook:
    enabled: true
  x509:
    clientCAFile: /etc/kubernetes/pki/ca.crt
authorization:
  mode: Webhook
readOnlyPort: 0
protectKernelDefaults: true
makeIPTablesUtilChains: true
eventRecordQPS: 5
rotateCertificates: true
serverTLSBootstrap: true
streamingConnectionIdleTimeout: 5m
podPidsLimit: 4096
seccompDefault: true
tlsCipherSuites:
  - TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256
  - TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
  - TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384
  - TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384
staticPodPath: /etc/kubernetes/manifests
staticPodURLHeader:
  Authorization: ["${CANARY.staticPodHeader}"]
`;

const WEAK_KUBELET_CONFIG = `{
  "apiVersion": "kubelet.config.k8s.io/v1beta1",
  "kind": "KubeletConfiguration",
  "authentication": { "anonymous": { "enabled": true }, "webhook": { "enabled": false } },
  "authorization": { "mode": "AlwaysAllow" },
  "readOnlyPort": 10255,
  "streamingConnectionIdleTimeout": "0s",
  "makeIPTablesUtilChains": false,
  "eventRecordQPS": 0,
  "rotateCertificates": false,
  "staticPodPath": "/etc/kubernetes/manifests"
}
`;

const ENCRYPTION_CONFIG = `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources: [secrets]
    providers:
      - kms:
          apiVersion: v2
          name: cloud-kms
          endpoint: unix:///var/run/kms-plugin/socket.sock
          timeout: 3s
      # Still listed so Secrets written before the move to KMS stay readable.
      - aescbc:
          keys:
            - name: key1
              secret: ${CANARY.encryptionKey}
      - identity: {}
`;

const AUDIT_POLICY = `apiVersion: audit.k8s.io/v1
kind: Policy
omitStages: [RequestReceived]
rules:
  - level: Metadata
    resources:
      - group: ""
        resources: [secrets, configmaps]
      - group: authentication.k8s.io
        resources: [tokenreviews]
  - level: Metadata
    resources:
      - group: ""
        resources: [pods/exec, pods/portforward, pods/proxy, services/proxy]
  - level: RequestResponse
    verbs: [create, update, patch, delete]
    resources:
      - group: ""
      - group: apps
  - level: Metadata
`;

const KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
  - name: kubernetes
    cluster: { server: "https://10.0.0.10:6443", certificate-authority-data: Q0E= }
users:
  - name: someone
    user: { client-key-data: ${CANARY.kubeconfigKey} }
contexts: []
`;

const PRIVATE_KEY = `-----BEGIN PRIVATE KEY-----\n${CANARY.privateKey}\n-----END PRIVATE KEY-----\n`;

const CALICO_CONFLIST = JSON.stringify({
  name: "k8s-pod-network",
  cniVersion: "0.3.1",
  plugins: [
    { type: "calico", datastore_type: "kubernetes", kubernetes: { kubeconfig: "/etc/cni/net.d/calico-kubeconfig" } },
    { type: "portmap", capabilities: { portMappings: true } },
    { type: "bandwidth", capabilities: { bandwidth: true } },
  ],
});

const FLANNEL_CONFLIST = JSON.stringify({
  name: "cbr0",
  cniVersion: "0.3.1",
  plugins: [{ type: "flannel", delegate: { hairpinMode: true, isDefaultGateway: true } }, { type: "portmap", capabilities: { portMappings: true } }],
});

const HARDENED_APISERVER_FLAGS = [
  "--advertise-address=10.0.0.10",
  "--allow-privileged=true",
  "--anonymous-auth=false",
  "--authorization-mode=Node,RBAC",
  "--client-ca-file=/etc/kubernetes/pki/ca.crt",
  "--enable-admission-plugins=NodeRestriction,EventRateLimit,AlwaysPullImages,SecurityContextDeny,DenyServiceExternalIPs",
  "--service-account-extend-token-expiration=false",
  "--admission-control-config-file=/etc/kubernetes/admission.yaml",
  "--enable-bootstrap-token-auth=true",
  "--encryption-provider-config=/etc/kubernetes/enc/encryption.yaml",
  "--audit-policy-file=/etc/kubernetes/audit/policy.yaml",
  "--audit-log-path=/var/log/kubernetes/audit.log",
  "--audit-log-maxage=30",
  "--audit-log-maxbackup=10",
  "--audit-log-maxsize=100",
  "--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt",
  "--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt",
  "--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key",
  "--etcd-servers=https://127.0.0.1:2379",
  "--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt",
  "--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key",
  "--kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt",
  "--profiling=false",
  "--secure-port=6443",
  "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
  "--service-account-key-file=/etc/kubernetes/pki/sa.pub",
  "--service-account-lookup=true",
  "--service-account-signing-key-file=/etc/kubernetes/pki/sa.key",
  "--service-cluster-ip-range=10.96.0.0/12",
  "--tls-cert-file=/etc/kubernetes/pki/apiserver.crt",
  "--tls-private-key-file=/etc/kubernetes/pki/apiserver.key",
  "--tls-cipher-suites=TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
  "--request-timeout=60s",
];

const WEAK_APISERVER_FLAGS = [
  "--advertise-address=10.0.0.10",
  "--anonymous-auth=true",
  "--authorization-mode=AlwaysAllow",
  "--enable-admission-plugins=AlwaysAdmit",
  "--etcd-servers=http://127.0.0.1:2379",
  "--profiling=true",
  "--token-auth-file=/etc/kubernetes/tokens.csv",
  "--service-account-lookup=false",
  "--service-account-key-file=/etc/kubernetes/pki/sa.pub",
  "--service-account-signing-key-file=/etc/kubernetes/pki/sa.key",
  "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
  "--secure-port=6443",
];

function pki(mode: { cert: number; key: number }, owner: { uid: number; gid: number }): HostTree {
  const tree: HostTree = { "/etc/kubernetes/pki": { dir: true, mode: 0o755, ...owner } };
  for (const name of ["ca", "apiserver", "apiserver-kubelet-client", "apiserver-etcd-client", "front-proxy-ca", "etcd/ca", "etcd/server", "etcd/peer"]) {
    tree[`/etc/kubernetes/pki/${name}.crt`] = { content: `-----BEGIN CERTIFICATE-----\n${name}\n-----END CERTIFICATE-----\n`, mode: mode.cert, ...owner };
    tree[`/etc/kubernetes/pki/${name}.key`] = { content: PRIVATE_KEY, mode: mode.key, ...owner };
  }
  tree["/etc/kubernetes/pki/sa.pub"] = { content: "-----BEGIN PUBLIC KEY-----\nsa\n-----END PUBLIC KEY-----\n", mode: mode.cert, ...owner };
  tree["/etc/kubernetes/pki/sa.key"] = { content: PRIVATE_KEY, mode: mode.key, ...owner };
  return tree;
}

function staticPodManifest(name: string): string {
  return `apiVersion: v1\nkind: Pod\nmetadata: { name: ${name}, namespace: kube-system }\nspec:\n  containers: [{ name: ${name}, image: registry.k8s.io/${name}:v1.31.2 }]\n`;
}

interface NodeVariant {
  fileMode: number;
  secretMode: number;
  owner: { uid: number; gid: number };
  kubeletConfig: string;
  kubeletFlags: string[];
  apiServerFlags: string[];
  controllerManagerFlags: string[];
  schedulerFlags: string[];
  etcdFlags: string[];
  proxyFlags: string[];
  cniDaemon: string[];
  cniConfig: [string, string];
  kernelRelease: string;
  userNamespaces: string;
  etcdDataDir: { mode: number; uid: number; gid: number };
  withEncryption: boolean;
  withAuditPolicy: boolean;
}

function controlPlaneNode(v: NodeVariant): HostTree {
  const root = { uid: 0, gid: 0 };
  const tree: HostTree = {
    "/etc/passwd": PASSWD,
    "/etc/group": GROUP,
    "/etc/hostname": "cp-1\n",
    "/usr/lib/os-release": 'NAME="Ubuntu"\nVERSION_ID="22.04"\nID=ubuntu\nPRETTY_NAME="Ubuntu 22.04.4 LTS"\n',
    // Debian and Ubuntu link /etc/os-release to ../usr/lib/os-release; merged-/usr links /lib to usr/lib.
    "/etc/os-release": { symlink: "../usr/lib/os-release" },
    "/lib": { symlink: "usr/lib" },
    "/proc/1/cmdline": cmdline("/sbin/init", "splash"),
    "/proc/2/cmdline": "",
    "/proc/812/cmdline": cmdline("/usr/bin/kubelet", ...v.kubeletFlags),
    "/proc/1201/cmdline": cmdline("kube-apiserver", ...v.apiServerFlags),
    "/proc/1202/cmdline": cmdline("kube-controller-manager", ...v.controllerManagerFlags),
    "/proc/1203/cmdline": cmdline("kube-scheduler", ...v.schedulerFlags),
    "/proc/1204/cmdline": cmdline("etcd", ...v.etcdFlags),
    "/proc/1500/cmdline": cmdline("/usr/local/bin/kube-proxy", ...v.proxyFlags),
    "/proc/1600/cmdline": cmdline(...v.cniDaemon),
    "/proc/self": { symlink: "1600" },
    "/proc/version": `Linux version ${v.kernelRelease} (buildd@lcy02-amd64-080) (gcc 11.4.0) #51-Ubuntu SMP PREEMPT_DYNAMIC\n`,
    "/proc/sys/kernel/osrelease": `${v.kernelRelease}\n`,
    "/proc/sys/kernel/unprivileged_userns_clone": `${v.userNamespaces}\n`,
    "/proc/sys/kernel/yama/ptrace_scope": "1\n",
    "/proc/sys/vm/overcommit_memory": "1\n",
    "/proc/sys/kernel/panic": "10\n",
    "/proc/sys/user/max_user_namespaces": "63000\n",
    "/sys/module/apparmor/parameters/enabled": "Y\n",
    "/var/lib/kubelet/config.yaml": { content: v.kubeletConfig, mode: v.fileMode, ...v.owner },
    "/etc/kubernetes/kubelet.conf": { content: KUBECONFIG, mode: v.secretMode, ...v.owner },
    "/etc/kubernetes/bootstrap-kubelet.conf": { content: KUBECONFIG, mode: v.secretMode, ...v.owner },
    "/etc/kubernetes/admin.conf": { content: KUBECONFIG, mode: v.secretMode, ...v.owner },
    "/etc/kubernetes/super-admin.conf": { content: KUBECONFIG, mode: v.secretMode, ...v.owner },
    "/etc/kubernetes/scheduler.conf": { content: KUBECONFIG, mode: v.secretMode, ...v.owner },
    "/etc/kubernetes/controller-manager.conf": { content: KUBECONFIG, mode: v.secretMode, ...v.owner },
    "/etc/kubernetes/manifests": { dir: true, mode: 0o700, ...root },
    "/etc/kubernetes/azure.json": { content: JSON.stringify({ cloud: "AzurePublicCloud", aadClientSecret: CANARY.cloudSecret }), mode: v.fileMode === 0o600 ? 0o644 : 0o666, ...v.owner },
    "/usr/lib/systemd/system/kubelet.service": { content: "[Service]\nExecStart=/usr/bin/kubelet\n", mode: v.fileMode, ...v.owner },
    "/etc/systemd/system/kubelet.service.d/10-kubeadm.conf": {
      content: '[Service]\nEnvironment="KUBELET_KUBECONFIG_ARGS=--kubeconfig=/etc/kubernetes/kubelet.conf"\n',
      mode: v.fileMode,
      ...v.owner,
    },
    "/var/lib/kube-proxy/config.conf": {
      content: "apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nclientConnection:\n  kubeconfig: kubeconfig.conf\nmetricsBindAddress: 127.0.0.1:10249\n",
      mode: v.fileMode,
      ...v.owner,
    },
    "/var/lib/kube-proxy/kubeconfig.conf": { content: KUBECONFIG, mode: v.secretMode, ...v.owner },
    "/var/lib/etcd": { dir: true, ...v.etcdDataDir },
    "/var/lib/etcd/member/snap/db": { content: "etcd data", mode: 0o600, uid: v.etcdDataDir.uid, gid: v.etcdDataDir.gid },
    [`/etc/cni/net.d/${v.cniConfig[0]}`]: { content: v.cniConfig[1], mode: v.fileMode, ...v.owner },
    // A stale configuration sorts after the active one: the runtime ignores it, and so do the CNI names.
    "/etc/cni/net.d/99-loopback.conf": { content: JSON.stringify({ cniVersion: "0.3.1", name: "lo", type: "loopback" }), mode: v.fileMode, ...v.owner },
    "/etc/cni/net.d/calico-kubeconfig": { content: KUBECONFIG, mode: v.secretMode, ...v.owner },
    ...pki({ cert: v.fileMode === 0o600 ? 0o644 : 0o666, key: v.secretMode }, v.owner),
  };
  for (const name of ["kube-apiserver", "kube-controller-manager", "kube-scheduler", "etcd"]) {
    tree[`/etc/kubernetes/manifests/${name}.yaml`] = { content: staticPodManifest(name), mode: v.fileMode, ...v.owner };
  }
  if (v.withEncryption) tree["/etc/kubernetes/enc/encryption.yaml"] = { content: ENCRYPTION_CONFIG, mode: 0o600, ...root };
  if (v.withAuditPolicy) tree["/etc/kubernetes/audit/policy.yaml"] = { content: AUDIT_POLICY, mode: 0o600, ...root };
  return tree;
}

/** A kubeadm control-plane node configured per the CIS Kubernetes Benchmark. */
export function hardenedControlPlaneNode(): HostTree {
  return controlPlaneNode({
    fileMode: 0o600,
    secretMode: 0o600,
    owner: { uid: 0, gid: 0 },
    kubeletConfig: HARDENED_KUBELET_CONFIG,
    kubeletFlags: [
      "--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf",
      "--kubeconfig=/etc/kubernetes/kubelet.conf",
      "--config=/var/lib/kubelet/config.yaml",
      "--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock",
      "--node-ip=10.0.0.10",
    ],
    apiServerFlags: HARDENED_APISERVER_FLAGS,
    controllerManagerFlags: [
      "--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf",
      "--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf",
      "--bind-address=127.0.0.1",
      "--kubeconfig=/etc/kubernetes/controller-manager.conf",
      "--profiling=false",
      "--root-ca-file=/etc/kubernetes/pki/ca.crt",
      "--service-account-private-key-file=/etc/kubernetes/pki/sa.key",
      "--use-service-account-credentials=true",
      "--terminated-pod-gc-threshold=10",
      "--feature-gates=RotateKubeletServerCertificate=true",
    ],
    schedulerFlags: ["--bind-address=127.0.0.1", "--kubeconfig=/etc/kubernetes/scheduler.conf", "--profiling=false"],
    etcdFlags: [
      "--name=cp-1",
      "--data-dir=/var/lib/etcd",
      "--cert-file=/etc/kubernetes/pki/etcd/server.crt",
      "--key-file=/etc/kubernetes/pki/etcd/server.key",
      "--client-cert-auth=true",
      "--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt",
      "--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt",
      "--peer-key-file=/etc/kubernetes/pki/etcd/peer.key",
      "--peer-client-cert-auth=true",
      "--peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt",
      "--listen-client-urls=https://127.0.0.1:2379,https://10.0.0.10:2379",
    ],
    proxyFlags: ["--config=/var/lib/kube-proxy/config.conf", "--hostname-override=cp-1"],
    cniDaemon: ["calico-node", "-felix"],
    cniConfig: ["10-calico.conflist", CALICO_CONFLIST],
    kernelRelease: "5.15.0-1051-aws",
    userNamespaces: "1",
    etcdDataDir: { mode: 0o700, uid: 998, gid: 998 },
    withEncryption: true,
    withAuditPolicy: true,
  });
}

/** The same node with world-writable files, foreign owners, an open kubelet and API server, Flannel and an old kernel. */
export function weakControlPlaneNode(): HostTree {
  return controlPlaneNode({
    fileMode: 0o666,
    secretMode: 0o664,
    owner: { uid: 1001, gid: 1001 },
    kubeletConfig: WEAK_KUBELET_CONFIG,
    kubeletFlags: [
      "--kubeconfig=/etc/kubernetes/kubelet.conf",
      "--config=/var/lib/kubelet/config.yaml",
      "--hostname-override=some-other-name",
      "--protect-kernel-defaults=false",
    ],
    apiServerFlags: WEAK_APISERVER_FLAGS,
    controllerManagerFlags: ["--bind-address=0.0.0.0", "--kubeconfig=/etc/kubernetes/controller-manager.conf", "--profiling=true"],
    schedulerFlags: ["--bind-address=0.0.0.0", "--kubeconfig=/etc/kubernetes/scheduler.conf"],
    etcdFlags: ["--name=cp-1", "--data-dir=/var/lib/etcd", "--auto-tls=true", "--peer-auto-tls=true", "--listen-client-urls=http://0.0.0.0:2379"],
    // Without --config kube-proxy takes its flags: metrics on every interface.
    proxyFlags: ["--kubeconfig=/var/lib/kube-proxy/kubeconfig.conf", "--metrics-bind-address=0.0.0.0:10249"],
    cniDaemon: ["/opt/bin/flanneld", "--ip-masq", "--kube-subnet-mgr"],
    cniConfig: ["10-flannel.conflist", FLANNEL_CONFLIST],
    kernelRelease: "5.10.80-1-generic-upstream",
    userNamespaces: "1",
    etcdDataDir: { mode: 0o755, uid: 1001, gid: 1001 },
    withEncryption: false,
    withAuditPolicy: false,
  });
}
