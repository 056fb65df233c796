// Node mode's view of the host filesystem: symlinks resolve inside the host root, credentials are
// never opened, sizes are capped, and file facts carry the node's own owner names.
import { afterEach, describe, expect, it } from "vitest";
import { readHostAccounts, parseAccountFile } from "@/agent/src/node/host-accounts";
import { FileFactCollector, statFileFact } from "@/agent/src/node/file-facts";
import { HostFs, RefusedReadError, credentialContentReason, isCredentialFileName } from "@/agent/src/node/host-fs";
import { buildHostTree, CAN_CHOWN, removeHostTree } from "./support/host-tree";

const roots: string[] = [];
function tree(entries: Parameters<typeof buildHostTree>[0]): HostFs {
  const root = buildHostTree(entries);
  roots.push(root);
  return new HostFs(root, { maxReadBytes: 4096 });
}
afterEach(() => {
  while (roots.length) removeHostTree(roots.pop()!);
});

describe("HostFs path resolution", () => {
  it("resolves an absolute link target at the host root, not at the container's /", async () => {
    const hostFs = tree({
      "/usr/lib/os-release": "ID=node-os\n",
      "/etc/os-release": { symlink: "/usr/lib/os-release" },
    });
    expect(await hostFs.realHostPath("/etc/os-release")).toBe("/usr/lib/os-release");
    expect(await hostFs.readText("/etc/os-release")).toBe("ID=node-os\n");
  });

  it("follows relative links through linked directories (merged /usr)", async () => {
    const hostFs = tree({
      "/usr/lib/systemd/system/kubelet.service": "[Service]\n",
      "/lib": { symlink: "usr/lib" },
    });
    const { realHostPath, stats } = await hostFs.stat("/lib/systemd/system/kubelet.service");
    expect(realHostPath).toBe("/usr/lib/systemd/system/kubelet.service");
    expect(stats.isFile()).toBe(true);
  });

  it("never lets .. or a link climb above the host root", async () => {
    const hostFs = tree({
      "/etc/passwd": "root:x:0:0::/root:/bin/sh\n",
      "/etc/escape": { symlink: "../../../../../etc/passwd" },
    });
    expect(await hostFs.realHostPath("/etc/escape")).toBe("/etc/passwd");
    expect(await hostFs.realHostPath("/../../etc/./passwd")).toBe("/etc/passwd");
    expect(await hostFs.readText("/etc/escape")).toContain("root:x:0:0");
  });

  it("reports a link loop instead of hanging", async () => {
    const hostFs = tree({ "/a": { symlink: "/b" }, "/b": { symlink: "/a" } });
    await expect(hostFs.stat("/a")).rejects.toMatchObject({ code: "ELOOP" });
  });
});

describe("HostFs reads", () => {
  it("refuses private keys and kubeconfigs by name, before opening them", async () => {
    const hostFs = tree({
      "/etc/kubernetes/pki/ca.key": "-----BEGIN RSA PRIVATE KEY-----\nx\n-----END RSA PRIVATE KEY-----\n",
      "/etc/kubernetes/admin.conf": "kind: Config\nusers: []\n",
      "/var/lib/kube-proxy/kubeconfig.conf": "kind: Config\nusers: []\n",
      "/etc/kubernetes/link-to-key": { symlink: "pki/ca.key" },
    });
    for (const file of ["/etc/kubernetes/pki/ca.key", "/etc/kubernetes/admin.conf", "/var/lib/kube-proxy/kubeconfig.conf", "/etc/kubernetes/link-to-key"]) {
      await expect(hostFs.readText(file)).rejects.toBeInstanceOf(RefusedReadError);
    }
    expect(hostFs.reads).toEqual([]);
  });

  it("refuses a path the collector marked as a credential", async () => {
    const hostFs = tree({ "/srv/kubelet-client.pem": "cert and key" });
    hostFs.denyRead("/srv/kubelet-client.pem");
    await expect(hostFs.readText("/srv/kubelet-client.pem")).rejects.toThrow(/refused/);
  });

  it("discards content that turns out to be key material or a kubeconfig, whatever the file is called", async () => {
    const hostFs = tree({
      "/var/lib/kubelet/config.yaml": "apiVersion: v1\nkind: Config\nusers:\n- name: x\n  user: { token: abc }\n",
      "/etc/cni/net.d/10-x.conf": '{"note":"-----BEGIN EC PRIVATE KEY-----"}',
    });
    await expect(hostFs.readText("/var/lib/kubelet/config.yaml")).rejects.toThrow(/is a kubeconfig/);
    await expect(hostFs.readText("/etc/cni/net.d/10-x.conf")).rejects.toThrow(/private key/);
  });

  it("caps the size of what it reads", async () => {
    const hostFs = tree({ "/var/lib/kubelet/config.yaml": "x".repeat(5000) });
    await expect(hostFs.readText("/var/lib/kubelet/config.yaml")).rejects.toThrow(/larger than 4096 bytes/);
  });

  it("classifies credential names and content", () => {
    expect(isCredentialFileName("/etc/kubernetes/pki/etcd/server.key")).toBe(true);
    expect(isCredentialFileName("/etc/kubernetes/kubelet.conf")).toBe(true);
    expect(isCredentialFileName("/etc/cni/net.d/calico-kubeconfig")).toBe(true);
    expect(isCredentialFileName("/var/lib/kubelet/config.yaml")).toBe(false);
    expect(isCredentialFileName("/etc/kubernetes/kubelet/kubelet-config.json")).toBe(false);
    expect(isCredentialFileName("/etc/default/kubeletconfig.json")).toBe(false);
    expect(credentialContentReason('{"kind":"Config","users":[]}')).toBe("is a kubeconfig");
    expect(credentialContentReason("kind: KubeletConfiguration\n")).toBeUndefined();
  });
});

describe("file facts and owners", () => {
  it("maps ids to names the first entry wins, skipping comments and NIS lines", () => {
    const users = parseAccountFile("# comment\nroot:x:0:0::/root:/bin/sh\ntoor:x:0:0::/root:/bin/sh\n+nis::::::\nbad:x:notanumber:0::/:/bin/sh\netcd:x:998:998::/:/bin/false\n");
    expect([...users]).toEqual([
      [0, "root"],
      [998, "etcd"],
    ]);
  });

  it("reports mode bits (setuid and sticky included), node owner names and numeric ids", async () => {
    const hostFs = tree({
      "/etc/passwd": "root:x:0:0::/root:/bin/sh\netcd:x:998:997::/:/bin/false\n",
      "/etc/group": "root:x:0:\netcd:x:997:\n",
      "/var/lib/etcd": { dir: true, mode: 0o700, uid: 998, gid: 997 },
      "/usr/local/bin/tool": { content: "#!/bin/sh\n", mode: 0o4755 },
      "/etc/kubernetes/orphan.conf": { content: "x", mode: 0o640, uid: 4242, gid: 4343 },
    });
    const errors: string[] = [];
    const accounts = await readHostAccounts(hostFs, errors);
    expect(errors).toEqual([]);
    expect((await statFileFact(hostFs, accounts, "/usr/local/bin/tool")).mode).toBe(0o4755);
    const etcd = await statFileFact(hostFs, accounts, "/var/lib/etcd");
    expect(etcd.mode).toBe(0o700);
    if (CAN_CHOWN) {
      expect(etcd).toMatchObject({ owner: "etcd", group: "etcd", uid: 998, gid: 997 });
      const orphan = await statFileFact(hostFs, accounts, "/etc/kubernetes/orphan.conf");
      expect(orphan).toEqual({ path: "/etc/kubernetes/orphan.conf", mode: 0o640, uid: 4242, gid: 4343 });
    }
  });

  it("reports a file by the path it is configured under but with its target's permissions", async () => {
    const hostFs = tree({
      "/etc/passwd": "root:x:0:0::/root:/bin/sh\n",
      "/etc/group": "root:x:0:\n",
      "/opt/kubelet/config.yaml": { content: "kind: KubeletConfiguration\n", mode: 0o600 },
      "/var/lib/kubelet/config.yaml": { symlink: "/opt/kubelet/config.yaml" },
    });
    const accounts = await readHostAccounts(hostFs, []);
    const fact = await statFileFact(hostFs, accounts, "/var/lib/kubelet/config.yaml");
    expect(fact.path).toBe("/var/lib/kubelet/config.yaml");
    expect(fact.mode).toBe(0o600);
  });

  it("walks a directory tree for regular files and records what it cannot examine", async () => {
    const hostFs = tree({
      "/etc/passwd": "root:x:0:0::/root:/bin/sh\n",
      "/etc/group": "root:x:0:\n",
      "/etc/kubernetes/pki/ca.crt": "c",
      "/etc/kubernetes/pki/etcd/ca.crt": "c",
      "/etc/kubernetes/pki/etcd/ca.key": "k",
      "/etc/kubernetes/pki/loop": { symlink: "." },
      "/etc/kubernetes/pki/dangling.crt": { symlink: "/nowhere.crt" },
    });
    const errors: string[] = [];
    const collector = new FileFactCollector(hostFs, await readHostAccounts(hostFs, errors), errors);
    expect(await collector.filesUnder("/etc/kubernetes/pki")).toEqual([
      "/etc/kubernetes/pki/ca.crt",
      "/etc/kubernetes/pki/etcd/ca.crt",
      "/etc/kubernetes/pki/etcd/ca.key",
    ]);
    expect(errors).toEqual(["/etc/kubernetes/pki/dangling.crt: does not exist"]);
    // A role whose file is missing stays absent; one a process flag names is reported as missing.
    expect(await collector.single("adminConf", "/etc/kubernetes/admin.conf")).toBeUndefined();
    await collector.single("kubeletConfig", "/var/lib/kubelet/config.yaml", "the kubelet's --config");
    expect(collector.files).toEqual({});
    expect(errors[1]).toMatch(/\/var\/lib\/kubelet\/config.yaml \(the kubelet's --config\) is not on the node's filesystem/);
  });
});
