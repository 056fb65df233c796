// The Helm chart, rendered by the test renderer (support/helm-template.ts; no helm binary here):
// its defaults equal the plain manifests, pass our engine with the same exceptions, and its options
// (secrets=none, CronJob, node mode off, CA, proxy, digest, old clusters) render what they promise.
import fs from "node:fs";
import path from "node:path";
import Ajv from "ajv";
import { parseAllDocuments, parse as parseYaml } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_EXCLUDED } from "@/agent/src/collect/discover-resources";
import { loadExceptionsFile } from "@/agent/src/scan/scan-config";
import type { ExceptionRule } from "@/lib/engine/exceptions";
import { runScan } from "@/lib/engine/run-scan";
import type { K8sObject } from "@/lib/engine/types";
import { renderChart, TemplateError, toYaml } from "./support/helm-template";

const DEPLOY = path.resolve(__dirname, "../../../agent/deploy");
const CHART = path.join(DEPLOY, "helm/shipshape-agent");
const INSTALL = { releaseName: "shipshape-agent", namespace: "shipshape" };
const REQUIRED = { server: "https://shipshape.example.com", token: "ss_agent_0123456789" };

type Obj = K8sObject & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function render(values: Record<string, unknown> = {}, options: { kubeVersion?: string } = {}): Obj[] {
  return renderChart(CHART, { ...INSTALL, ...options, values: { ...REQUIRED, ...values } }).documents as Obj[];
}
const find = (docs: Obj[], kind: string, name?: string) => docs.find((d) => d.kind === kind && (!name || d.metadata?.name === name));
const container = (docs: Obj[], kind: string) => {
  const workload = find(docs, kind)!;
  const spec = kind === "CronJob" ? workload.spec.jobTemplate.spec.template.spec : workload.spec.template.spec;
  return spec.containers[0];
};

function plainManifests(): Obj[] {
  const dir = path.join(DEPLOY, "manifests");
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .flatMap((f) => parseAllDocuments(fs.readFileSync(path.join(dir, f), "utf8")).map((d) => d.toJS() as Obj))
    .filter(Boolean);
}

/** What differs by design between `helm install` and `kubectl apply`: who manages it, checksums. */
function comparable(obj: Obj): Obj {
  const copy = structuredClone(obj);
  const strip = (meta: Obj["metadata"]) => {
    if (!meta) return;
    if (meta.labels) {
      delete meta.labels["helm.sh/chart"];
      delete meta.labels["app.kubernetes.io/managed-by"];
    }
    if (meta.annotations) {
      for (const key of Object.keys(meta.annotations)) if (key.startsWith("checksum/")) delete meta.annotations[key];
      if (!Object.keys(meta.annotations).length) delete meta.annotations;
    }
  };
  strip(copy.metadata);
  strip(copy.spec?.template?.metadata);
  return copy;
}

let exceptions: ExceptionRule[];
beforeAll(async () => {
  exceptions = await loadExceptionsFile(path.join(DEPLOY, "shipshape-exceptions.yaml"));
});

describe("chart defaults", () => {
  it("render the same objects as the plain manifests (the Secret holds the token; the namespace comes from helm)", () => {
    const chart = render({ clusterName: "my-cluster" });
    const plain = plainManifests().filter((o) => o.kind !== "Namespace");
    const key = (o: Obj) => `${o.kind}/${o.metadata?.name}`;
    expect(chart.map(key).sort()).toEqual([...plain.map(key), "Secret/shipshape-agent"].sort());
    for (const expected of plain) {
      const actual = find(chart, expected.kind, expected.metadata?.name)!;
      expect(comparable(actual), key(expected)).toEqual(comparable(expected));
    }
    const secret = find(chart, "Secret")!;
    expect(Buffer.from(secret.data.token, "base64").toString()).toBe(REQUIRED.token);
  });

  it("pass our engine with the same documented exceptions", () => {
    const namespace = plainManifests().find((o) => o.kind === "Namespace")!;
    const report = runScan({ objects: [namespace, ...render()], exceptions, now: new Date("2026-11-26T00:00:00Z") });
    const failures = report.findings.filter((f) => !f.exceptionId).map((f) => `${f.controlId}: ${f.message}`);
    expect(failures).toEqual([]);
  });

  it("print install notes that name the backend and how to check the agent", () => {
    const { notes } = renderChart(CHART, { ...INSTALL, values: REQUIRED });
    expect(notes).toContain("pushes a snapshot of this cluster to https://shipshape.example.com every 3600 seconds");
    expect(notes).toContain("kubectl -n shipshape logs deploy/shipshape-agent");
  });

  it("need a server and a token (or an existing Secret)", () => {
    expect(() => render({ server: "" })).toThrow(/set server/);
    expect(() => render({ token: "" })).toThrow(/set token/);
    const docs = render({ token: "", existingSecret: "managed-elsewhere", existingSecretKey: "agent-token" });
    expect(find(docs, "Secret")).toBeUndefined();
    expect(container(docs, "Deployment").env.find((e: Obj) => e.name === "SHIPSHAPE_TOKEN").valueFrom.secretKeyRef).toEqual({ name: "managed-elsewhere", key: "agent-token" });
  });

  it("keep the agent's default exclude list in step with the code", () => {
    const helpers = fs.readFileSync(path.join(CHART, "templates/_helpers.tpl"), "utf8");
    const list = helpers.match(/define "shipshape-agent.defaultExclude" -}}\n([^\n]+)\n/)![1].split(",");
    expect(list).toEqual(DEFAULT_EXCLUDED);
  });
});

describe("chart options", () => {
  it("rbac.secrets=none: no rule reaches Secrets, and the agent does not ask for them", () => {
    const docs = render({ rbac: { secrets: "none", extraApiGroups: ["example.com"] } });
    const rules: Obj[] = find(docs, "ClusterRole")!.rules;
    for (const rule of rules.filter((r) => r.resources)) {
      const coreOrAll = rule.apiGroups.includes("") || rule.apiGroups.includes("*");
      expect(coreOrAll && (rule.resources.includes("*") || rule.resources.includes("secrets")), JSON.stringify(rule)).toBe(false);
    }
    expect(rules.some((r) => r.apiGroups?.includes("example.com"))).toBe(true);
    const exclude = container(docs, "Deployment").args.find((a: string) => a.startsWith("--exclude="));
    expect(exclude.split("=")[1].split(",")).toEqual([...DEFAULT_EXCLUDED, "secrets"]);
    expect(() => render({ rbac: { secrets: "get" } })).toThrow(/rbac.secrets must be/);
  });

  it("agent.mode=cronjob: a CronJob running --once, no Deployment", () => {
    const docs = render({ agent: { mode: "cronjob", schedule: "5 */6 * * *" } });
    expect(find(docs, "Deployment")).toBeUndefined();
    const cron = find(docs, "CronJob")!;
    expect(cron.spec).toMatchObject({ schedule: "5 */6 * * *", concurrencyPolicy: "Forbid" });
    expect(cron.spec.jobTemplate.spec.template.spec.restartPolicy).toBe("Never");
    expect(container(docs, "CronJob").args).toContain("--once");
    expect(() => render({ agent: { mode: "sidecar" } })).toThrow(/agent.mode must be/);
  });

  it("node.enabled=false: no DaemonSet and no node service account", () => {
    const docs = render({ node: { enabled: false } });
    expect(find(docs, "DaemonSet")).toBeUndefined();
    expect(docs.filter((d) => d.kind === "ServiceAccount").map((d) => d.metadata?.name)).toEqual(["shipshape-agent"]);
  });

  it("extra CA, proxy and include list reach both containers", () => {
    const docs = render({
      extraCA: { configMapName: "corp-ca", key: "bundle.pem" },
      proxy: { httpsProxy: "http://proxy.corp:3128", noProxy: ".svc,.cluster.local,10.0.0.0/8" },
      include: ["pods", "deployments.apps"],
    });
    for (const kind of ["Deployment", "DaemonSet"]) {
      const c = container(docs, kind);
      expect(c.args, kind).toContain("--ca-file=/etc/shipshape/ca/bundle.pem");
      expect(c.volumeMounts.find((m: Obj) => m.name === "extra-ca"), kind).toMatchObject({ mountPath: "/etc/shipshape/ca", readOnly: true });
      expect(c.env.filter((e: Obj) => /PROXY/.test(e.name)).map((e: Obj) => `${e.name}=${e.value}`), kind).toEqual([
        "HTTPS_PROXY=http://proxy.corp:3128",
        "NO_PROXY=.svc,.cluster.local,10.0.0.0/8",
      ]);
    }
    expect(container(docs, "Deployment").args).toContain("--include=pods,deployments.apps");
  });

  it("pins the image by digest when given one", () => {
    const digest = `sha256:${"a".repeat(64)}`;
    expect(container(render({ image: { digest } }), "Deployment").image).toBe(`ghcr.io/shipshape/shipshape-agent:0.1.0@${digest}`);
  });

  it("mounts extra host directories read-only, drops recursiveReadOnly before Kubernetes 1.30, refuses runtime socket paths", () => {
    const docs = render({ node: { extraHostMounts: ["/var/lib/etcd"] } }, { kubeVersion: "v1.29.8" });
    const ds = find(docs, "DaemonSet")!;
    expect(ds.spec.template.spec.volumes.filter((v: Obj) => v.hostPath).map((v: Obj) => v.hostPath.path)).toEqual(["/proc", "/etc", "/usr/lib", "/var/lib/kubelet", "/var/lib/etcd"]);
    for (const m of container(docs, "DaemonSet").volumeMounts.filter((m: Obj) => m.mountPath.startsWith("/host"))) {
      expect(m.readOnly).toBe(true);
      expect(m.recursiveReadOnly).toBeUndefined();
    }
    for (const bad of ["/", "/run", "/var/run/containerd", "relative/path"]) {
      expect(() => render({ node: { extraHostMounts: [bad] } }), bad).toThrow(/is not allowed/);
    }
  });

  it("narrows egress to given CIDRs and ports", () => {
    const docs = render({ networkPolicy: { egressCIDRs: ["203.0.113.10/32"], egressPorts: [443] } });
    const egress = find(docs, "NetworkPolicy", "shipshape-agent-egress")!.spec.egress;
    expect(egress[1]).toEqual({ ports: [{ protocol: "TCP", port: 443 }], to: [{ ipBlock: { cidr: "203.0.113.10/32" } }] });
  });
});

describe("values", () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(CHART, "values.schema.json"), "utf8")));
  const defaults = parseYaml(fs.readFileSync(path.join(CHART, "values.yaml"), "utf8"));

  it("the defaults satisfy values.schema.json", () => {
    expect(validate(defaults), JSON.stringify(validate.errors)).toBe(true);
  });

  it("the schema rejects values the chart cannot honour", () => {
    for (const bad of [
      { rbac: { ...defaults.rbac, secrets: "get" } },
      { node: { ...defaults.node, hostMounts: ["/run"] } },
      { interval: 5 },
      { image: { ...defaults.image, digest: "latest" } },
      { typo: true },
    ]) {
      expect(validate({ ...defaults, ...bad }), JSON.stringify(bad)).toBe(false);
    }
  });
});

describe("the test renderer", () => {
  it("follows Go template semantics where the chart relies on them", () => {
    expect(toYaml({ b: 1, a: ["x", "y"], c: { "1": "1" } })).toBe("a:\n- x\n- y\nb: 1\nc:\n  \"1\": \"1\"");
    expect(() => renderChart(path.join(__dirname, "support/no-such-chart"))).toThrow();
    expect(new TemplateError("x")).toBeInstanceOf(Error);
  });
});
