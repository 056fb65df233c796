// Runs Kubescape regolibrary test cases (../shared/corpus/regolibrary) through our engine and compares
// verdicts, control by control (through each control's refs.kubescape). Used by the conformance test
// and by `npm run conformance` (which prints the per-control table and the disagreements).
import fs from "node:fs";
import path from "node:path";
import { ALL_CONTROLS } from "../../lib/controls";
import { buildContext } from "../../lib/engine/build-context";
import { evaluateControl } from "../../lib/engine/evaluate-control";
import { DEFAULT_SETTINGS, type ScanSettings } from "../../lib/engine/settings";
import type { Control, K8sObject, ResourceRef } from "../../lib/engine/types";

export const REGOLIBRARY = path.resolve(__dirname, "../../../shared/corpus/regolibrary");

interface RuleIndexEntry {
  categories: string[];
  controls: { controlID: string }[];
  cases: { dir: string; case: string; expected: "pass" | "fail" }[];
}

export interface CaseOutcome {
  rule: string;
  caseName: string;
  kubescapeId: string;
  controlId: string;
  expected: "pass" | "fail";
  agreed: boolean;
  detail: string;
  accepted?: string;
}

/** Kubescape control-configuration inputs → our settings keys. */
const INPUT_TO_SETTING: Record<string, keyof ScanSettings> = {
  imageRepositoryAllowList: "trustedRegistries",
  untrustedRegistries: "untrustedRegistries",
  recommendedLabels: "recommendedLabels",
  k8sRecommendedLabels: "k8sRecommendedLabels",
  sensitiveValues: "sensitiveValues",
  floatingImageTags: "floatingImageTags",
  cpu_request_min: "cpuRequestMin",
  cpu_request_max: "cpuRequestMax",
  cpu_limit_min: "cpuLimitMin",
  cpu_limit_max: "cpuLimitMax",
  memory_request_min: "memoryRequestMin",
  memory_request_max: "memoryRequestMax",
  memory_limit_min: "memoryLimitMin",
  memory_limit_max: "memoryLimitMax",
  imageDigestExemptRepositories: "imageDigestExemptRepositories",
  hardenedSandboxRuntimeClasses: "hardenedRuntimeClasses",
  insecureCapabilities: "insecureCapabilities",
  sandbox_cpu_limit_max: "sandboxCpuLimitMax",
  sandbox_memory_limit_max: "sandboxMemoryLimitMax",
  sensitiveInterfaces: "sensitiveInterfaces",
};

function settingsFromData(dir: string): Partial<ScanSettings> {
  const file = path.join(dir, "data.json");
  if (!fs.existsSync(file)) return {};
  const data = JSON.parse(fs.readFileSync(file, "utf8"));
  const settings: Record<string, unknown> = {};
  const inputs = { ...(data.postureControlInputs ?? {}), ...(data.dataControlInputs ?? {}) };
  for (const [key, value] of Object.entries(inputs)) {
    const target = INPUT_TO_SETTING[key];
    if (!target) continue;
    if (Array.isArray(DEFAULT_SETTINGS[target])) settings[target] = Array.isArray(value) ? value : [value];
    // Kubescape passes scalar bounds as one-element lists.
    else settings[target] = Array.isArray(value) ? (value.length ? String(value[0]) : "") : String(value);
  }
  return settings as Partial<ScanSettings>;
}

function alertResources(alert: Record<string, unknown>): string[][] {
  const obj = (alert.alertObject ?? {}) as Record<string, unknown>;
  const groups: string[][] = [];
  const k8s = obj.k8sApiObjects as K8sObject[] | undefined;
  if (Array.isArray(k8s) && k8s.length) groups.push(k8s.map((o) => `${o.kind}/${o.metadata?.name ?? ""}`.toLowerCase()));
  const ext = obj.externalObjects as { kind?: string; name?: string } | undefined;
  if (ext && ext.kind && ext.name) groups.push([`${ext.kind}/${ext.name}`.toLowerCase()]);
  return groups;
}

function failingKeys(resources: ResourceRef[]): Set<string> {
  const keys = new Set<string>();
  for (const r of resources) {
    if (r.subject) keys.add(`${r.subject.kind}/${r.subject.name}`.toLowerCase());
    if (r.object) keys.add(`${r.object.kind}/${r.object.name}`.toLowerCase());
  }
  return keys;
}

const NODE_LEVEL_KINDS = /^(kubeletinfo|controlplaneinfo|linuxkernelvariables|cniinfo|node|hostinfo|kubeproxyinfo|cloudproviderinfo|clusterdescribe|openportslist|linuxsecurityhardeningstatus|[a-z]*info)\//;

/** Reads docs/conformance.md: rows `| rule/case | SS-id | reason |` are accepted disagreements. */
export function readAcceptedDisagreements(docPath = path.resolve(__dirname, "../../docs/conformance.md")): Map<string, string> {
  const accepted = new Map<string, string>();
  if (!fs.existsSync(docPath)) return accepted;
  for (const line of fs.readFileSync(docPath, "utf8").split("\n")) {
    const m = line.match(/^\|\s*`?([^|`]+\/[^|`]+?)`?\s*\|\s*`?(SS-\d{4})`?\s*\|\s*(.+?)\s*\|\s*$/);
    if (m && m[3].length > 3) accepted.set(`${m[1].trim()}|${m[2]}`, m[3]);
  }
  return accepted;
}

export function runConformance(options: { only?: string[] } = {}): { outcomes: CaseOutcome[]; uncoveredKubescapeIds: string[] } {
  const index = JSON.parse(fs.readFileSync(path.join(REGOLIBRARY, "index.json"), "utf8"));
  const accepted = readAcceptedDisagreements();
  const byKubescape = new Map<string, Control<unknown>[]>();
  for (const control of ALL_CONTROLS) {
    for (const ref of control.refs.kubescape ?? []) {
      if (!byKubescape.has(ref)) byKubescape.set(ref, []);
      byKubescape.get(ref)!.push(control);
    }
  }
  const outcomes: CaseOutcome[] = [];
  const uncovered = new Set<string>();
  for (const [rule, entry] of Object.entries(index.rules as Record<string, RuleIndexEntry>)) {
    if (!entry.categories.some((c) => c === "k8s-api" || c === "host-sensor")) continue;
    for (const { controlID } of entry.controls) {
      const ours = byKubescape.get(controlID) ?? [];
      if (!ours.length) {
        uncovered.add(controlID);
        continue;
      }
      for (const control of ours) {
        if (control.manual) continue;
        if (options.only && !options.only.includes(control.id) && !options.only.includes(controlID)) continue;
        for (const c of entry.cases) {
          const dir = path.join(REGOLIBRARY, c.dir);
          const objects = JSON.parse(fs.readFileSync(path.join(dir, "objects.json"), "utf8")) as K8sObject[];
          const expectedAlerts = JSON.parse(fs.readFileSync(path.join(dir, "expected.json"), "utf8")) as Record<string, unknown>[];
          const ctx = buildContext({
            objects: objects.filter((o) => o && typeof o === "object").map((o) => ({ ...o, metadata: o.metadata ?? {} })),
            settings: settingsFromData(dir),
          });
          const evaluation = evaluateControl(control, ctx);
          const failing = evaluation.results.filter((r) => r.violations.length > 0).map((r) => r.resource);
          const ourKeys = failingKeys(failing);
          let agreed: boolean;
          let detail: string;
          if (c.expected === "pass" || expectedAlerts.length === 0) {
            agreed = ourKeys.size === 0;
            detail = agreed ? "both pass" : `we fail ${[...ourKeys].join(", ")}`;
          } else {
            const groups = expectedAlerts.flatMap(alertResources);
            const nodeLevel = groups.length === 0 || groups.every((g) => g.every((k) => NODE_LEVEL_KINDS.test(k)));
            if (nodeLevel || control.needs.includes("node")) {
              agreed = failing.length > 0;
              detail = agreed ? "both fail" : `we pass (${evaluation.status}${evaluation.reason ? `: ${evaluation.reason}` : ""})`;
            } else {
              const missed = groups.filter((g) => !g.some((k) => ourKeys.has(k)));
              const expectedKeys = new Set(groups.flat());
              const extra = [...ourKeys].filter((k) => !expectedKeys.has(k));
              agreed = missed.length === 0 && extra.length === 0;
              detail = agreed
                ? "same resources fail"
                : [missed.length ? `missed ${missed.map((g) => g[0]).join(", ")}` : "", extra.length ? `extra ${extra.join(", ")}` : ""]
                    .filter(Boolean)
                    .join("; ");
            }
          }
          if (evaluation.errors.length) {
            agreed = false;
            detail = `errors: ${evaluation.errors.join("; ")}`;
          }
          const caseKey = `${rule}/${c.case}`;
          outcomes.push({
            rule,
            caseName: c.case,
            kubescapeId: controlID,
            controlId: control.id,
            expected: c.expected,
            agreed,
            detail,
            accepted: agreed ? undefined : accepted.get(`${caseKey}|${control.id}`),
          });
        }
      }
    }
  }
  return { outcomes, uncoveredKubescapeIds: [...uncovered].sort() };
}

export function summarize(outcomes: CaseOutcome[]) {
  const total = outcomes.length;
  const agreed = outcomes.filter((o) => o.agreed).length;
  const accepted = outcomes.filter((o) => !o.agreed && o.accepted).length;
  const counted = total - accepted;
  return { total, agreed, accepted, agreement: counted ? agreed / counted : 1, rawAgreement: total ? agreed / total : 1 };
}
