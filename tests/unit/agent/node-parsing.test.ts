// Parsers of node mode: command lines, KubeletConfiguration drop-ins, encryption config redaction,
// os-release, CNI detection.
import { afterEach, describe, expect, it } from "vitest";
import { activeCniConfig, cniNamesFromConfig, cniNamesFromProcesses } from "@/agent/src/node/cni-facts";
import { credentialPaths } from "@/agent/src/node/collect-node-info";
import { mergeConfig, parseConfigText, readKubeletConfig, redactEncryptionConfig, REDACTED } from "@/agent/src/node/config-files";
import { HostFs } from "@/agent/src/node/host-fs";
import { componentFlags, findComponents, identifyComponent, splitCmdline } from "@/agent/src/node/host-processes";
import { parseOsRelease } from "@/agent/src/node/kernel-facts";
import { CREDENTIAL_MARKER } from "@/lib/snapshot/credential-detection";
import { buildHostTree, cmdline, removeHostTree } from "./support/host-tree";

const roots: string[] = [];
afterEach(() => {
  while (roots.length) removeHostTree(roots.pop()!);
});

describe("process command lines", () => {
  it("splits /proc/<pid>/cmdline on NULs, keeping arguments that contain spaces whole", () => {
    expect(splitCmdline(cmdline("/usr/bin/kubelet", "--node-labels=a=b c", "--v=2"))).toEqual(["/usr/bin/kubelet", "--node-labels=a=b c", "--v=2"]);
    expect(splitCmdline("")).toEqual([]);
  });

  it("identifies components by executable name, including hyperkube's subcommands", () => {
    expect(identifyComponent(["/usr/local/bin/kube-apiserver", "--v=2"])?.component).toBe("kube-apiserver");
    expect(identifyComponent(["/hyperkube", "apiserver", "--profiling=false"])).toEqual({
      component: "kube-apiserver",
      argv: ["apiserver", "--profiling=false"],
    });
    expect(identifyComponent(["/usr/bin/kubelet-wrapper", "--config=/x"])).toBeUndefined();
    expect(identifyComponent(["/usr/bin/containerd"])).toBeUndefined();
  });

  it("parses flags like pflag: = and space forms, bare booleans, last value wins", () => {
    expect(componentFlags(["kubelet", "--config", "/var/lib/kubelet/config.yaml", "--anonymous-auth", "--read-only-port=10255", "--read-only-port=0"])).toEqual({
      config: "/var/lib/kubelet/config.yaml",
      "anonymous-auth": "true",
      "read-only-port": "0",
    });
  });

  it("redacts flag values shaped like credentials but keeps settings whose names merely mention auth", () => {
    const flags = componentFlags([
      "kube-apiserver",
      "--etcd-servers=https://root:hunter2-password@10.0.0.5:2379",
      "--anonymous-auth=false",
      "--authentication-token-webhook=true",
      "--token-auth-file=/etc/kubernetes/tokens.csv",
    ]);
    expect(flags["etcd-servers"]).toBe(CREDENTIAL_MARKER);
    expect(flags["anonymous-auth"]).toBe("false");
    expect(flags["authentication-token-webhook"]).toBe("true");
    expect(flags["token-auth-file"]).toBe("/etc/kubernetes/tokens.csv");
  });

  it("takes the lowest PID of each component", () => {
    const found = findComponents([
      { pid: 90, argv: ["/usr/bin/kubelet", "--v=1"] },
      { pid: 120, argv: ["/usr/bin/kubelet", "--v=9"] },
      { pid: 130, argv: ["etcd", "--data-dir=/var/lib/etcd"] },
    ]);
    expect(found.kubelet?.pid).toBe(90);
    expect(found.etcd?.flags["data-dir"]).toBe("/var/lib/etcd");
  });

  it("knows which flags name credentials, so their files are never opened", () => {
    expect(
      credentialPaths({
        kubeconfig: "/etc/kubernetes/kubelet.conf",
        "bootstrap-kubeconfig": "/etc/kubernetes/bootstrap-kubelet.conf",
        "tls-private-key-file": "/var/lib/kubelet/pki/kubelet.pem",
        "kubelet-client-key": "/etc/kubernetes/pki/client.key",
        config: "/var/lib/kubelet/config.yaml",
        "client-ca-file": "/etc/kubernetes/pki/ca.crt",
      }).sort(),
    ).toEqual(["/etc/kubernetes/bootstrap-kubelet.conf", "/etc/kubernetes/kubelet.conf", "/etc/kubernetes/pki/client.key", "/var/lib/kubelet/pki/kubelet.pem"]);
  });
});

describe("kubelet configuration", () => {
  it("parses YAML with YAML 1.1 booleans, as Kubernetes does, and JSON", () => {
    expect(parseConfigText("authentication:\n  anonymous:\n    enabled: no\n")).toEqual({ authentication: { anonymous: { enabled: false } } });
    expect(parseConfigText('{"readOnlyPort": 0}')).toEqual({ readOnlyPort: 0 });
    expect(() => parseConfigText("- a list\n")).toThrow(/not a YAML\/JSON object/);
  });

  it("reports a parse failure by position only, never echoing the file", () => {
    let message = "";
    try {
      parseConfigText("key: value\n  secret: s3cr3t-value: [unclosed\n");
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/not valid YAML or JSON/);
    expect(message).not.toContain("s3cr3t");
  });

  it("merges drop-ins the way the kubelet decodes them: objects by key, lists and scalars replaced", () => {
    const base = { authentication: { anonymous: { enabled: true }, webhook: { enabled: true } }, tlsCipherSuites: ["A", "B"], readOnlyPort: 10255 };
    expect(mergeConfig(base, { authentication: { anonymous: { enabled: false } }, tlsCipherSuites: ["C"] })).toEqual({
      authentication: { anonymous: { enabled: false }, webhook: { enabled: true } },
      tlsCipherSuites: ["C"],
      readOnlyPort: 10255,
    });
  });

  it("reads --config, then *.conf drop-ins of --config-dir in lexical order, and redacts static pod URL headers", async () => {
    const root = buildHostTree({
      "/var/lib/kubelet/config.yaml": "kind: KubeletConfiguration\nreadOnlyPort: 10255\nstaticPodURLHeader:\n  Authorization: [Bearer abc]\n",
      "/etc/kubernetes/kubelet.conf.d/20-ports.conf": "readOnlyPort: 0\n",
      "/etc/kubernetes/kubelet.conf.d/10-auth.conf": "authentication: { anonymous: { enabled: false } }\nreadOnlyPort: 1\n",
      "/etc/kubernetes/kubelet.conf.d/README.md": "ignored: true\n",
    });
    roots.push(root);
    const result = await readKubeletConfig(new HostFs(root), "/var/lib/kubelet/config.yaml", "/etc/kubernetes/kubelet.conf.d");
    expect(result.error).toBeUndefined();
    expect(result.files).toEqual(["/var/lib/kubelet/config.yaml", "/etc/kubernetes/kubelet.conf.d/10-auth.conf", "/etc/kubernetes/kubelet.conf.d/20-ports.conf"]);
    expect(result.config).toEqual({
      kind: "KubeletConfiguration",
      readOnlyPort: 0,
      authentication: { anonymous: { enabled: false } },
      staticPodURLHeader: { Authorization: [REDACTED] },
    });
  });

  it("says why the config file in use could not be read, and sends no partial config", async () => {
    const root = buildHostTree({ "/var/lib/kubelet/config.yaml": "readOnlyPort: 0\n", "/etc/kubelet.d/10-bad.conf": "a: [\n" });
    roots.push(root);
    const hostFs = new HostFs(root);
    expect(await readKubeletConfig(hostFs, "/var/lib/kubelet/missing.yaml", undefined)).toEqual({
      error:
        "kubelet config file /var/lib/kubelet/missing.yaml could not be read: does not exist (if it exists on the node, mount its directory into node mode: node.extraHostMounts in the Helm chart)",
      files: [],
    });
    const broken = await readKubeletConfig(hostFs, "/var/lib/kubelet/config.yaml", "/etc/kubelet.d");
    expect(broken.config).toBeUndefined();
    expect(broken.error).toMatch(/^kubelet drop-in \/etc\/kubelet.d\/10-bad.conf is not valid YAML or JSON/);
    expect(await readKubeletConfig(hostFs, undefined, undefined)).toEqual({ files: [] });
  });
});

describe("encryption provider config", () => {
  it("replaces every key secret, whatever the provider, and keeps the structure controls read", () => {
    const config = {
      kind: "EncryptionConfiguration",
      resources: [
        {
          resources: ["secrets"],
          providers: [
            { aesgcm: { keys: [{ name: "k1", secret: "c2VjcmV0LWtleS0x" }, { name: "k2", secret: "c2VjcmV0LWtleS0y" }] } },
            { secretbox: { keys: [{ name: "k3", secret: "c2VjcmV0LWtleS0z" }] } },
            { futureProvider: { nested: { Secret: "c2VjcmV0LWtleS00" } } },
            { identity: {} },
          ],
        },
      ],
    };
    const redacted = redactEncryptionConfig(config);
    expect(JSON.stringify(redacted)).not.toMatch(/c2VjcmV0LWtleS/);
    expect(redacted.resources[0].providers[0]).toEqual({ aesgcm: { keys: [{ name: "k1", secret: REDACTED }, { name: "k2", secret: REDACTED }] } });
    expect(redacted.resources[0].providers[3]).toEqual({ identity: {} });
    // The input is not modified (the caller may still hold it).
    expect(config.resources[0].providers[0].aesgcm!.keys[0].secret).toBe("c2VjcmV0LWtleS0x");
  });
});

describe("operating system and CNI", () => {
  it("reads os-release values with and without quotes", () => {
    expect(parseOsRelease('NAME="Amazon Linux"\nVERSION_ID="2023"\nID=amzn\nPRETTY_NAME="Amazon Linux 2023.5.20240916"\n# c\nBAD LINE\n')).toEqual({
      NAME: "Amazon Linux",
      VERSION_ID: "2023",
      ID: "amzn",
      PRETTY_NAME: "Amazon Linux 2023.5.20240916",
    });
  });

  it("names plugins from a conflist chain, skipping meta plugins, and from running daemons", () => {
    expect(cniNamesFromConfig({ plugins: [{ type: "calico" }, { type: "portmap" }, { type: "bandwidth" }] })).toEqual(["Calico"]);
    expect(cniNamesFromConfig({ type: "aws-cni" })).toEqual(["aws"]);
    expect(cniNamesFromConfig({ plugins: [{ type: "bridge", ipam: { type: "host-local" } }] })).toEqual(["bridge"]);
    expect(
      cniNamesFromProcesses([
        { pid: 1, argv: ["/usr/bin/calico-node", "-felix"] },
        { pid: 2, argv: ["/opt/bin/flanneld", "--ip-masq"] },
        { pid: 3, argv: ["calico-node", "-confd"] },
      ]),
    ).toEqual(["Calico", "Flannel"]);
  });

  it("takes the configuration the runtime loads: the first .conf/.conflist/.json in lexical order", () => {
    expect(activeCniConfig(["/etc/cni/net.d/calico-kubeconfig", "/etc/cni/net.d/99-loopback.conf", "/etc/cni/net.d/10-calico.conflist"])).toBe(
      "/etc/cni/net.d/10-calico.conflist",
    );
    expect(activeCniConfig(["/etc/cni/net.d/calico-kubeconfig"])).toBeUndefined();
  });
});
