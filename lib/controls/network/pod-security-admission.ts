// Pod Security Admission as configured on Namespace labels (pod-security.kubernetes.io/<mode>), and
// the factory behind the CIS "minimize the admission of …" controls (Kubescape C-0193…C-0204): each
// of those is satisfied in a namespace when PSA enforces a level that forbids the pod feature.
import { defineControl } from "../../engine/define-control";
import type { Control, ControlRefs, K8sObject, Severity } from "../../engine/types";

export const PSA_ENFORCE_LABEL = "pod-security.kubernetes.io/enforce";
export const PSA_LEVELS = ["privileged", "baseline", "restricted"] as const;
export type PsaLevel = (typeof PSA_LEVELS)[number];

export interface PsaEnforcement {
  /** The parsed level, undefined when the label is absent or invalid. */
  level?: PsaLevel;
  /** The raw label value when present. */
  raw?: string;
}

/** The enforce level a Namespace's labels declare (PSA level names are case-sensitive). */
export function psaEnforcementOf(namespace: K8sObject): PsaEnforcement {
  const raw = namespace.metadata?.labels?.[PSA_ENFORCE_LABEL];
  if (typeof raw !== "string") return {};
  const level = (PSA_LEVELS as readonly string[]).includes(raw) ? (raw as PsaLevel) : undefined;
  return { level, raw };
}

export function psaLevelRank(level: PsaLevel | undefined): number {
  return level ? PSA_LEVELS.indexOf(level) : -1;
}

export const PSA_ENFORCE_LABEL_PATH = `metadata.labels[${PSA_ENFORCE_LABEL}]`;

export interface PsaFeatureControlSpec {
  id: string;
  kubescape: string;
  name: string;
  /** The pod feature, phrased to complete "admits pods that …". */
  feature: string;
  rationale: string;
  severity: Severity;
  /** The least strict Pod Security Standard that forbids the feature. */
  minimumLevel: Exclude<PsaLevel, "privileged">;
  refs: Omit<ControlRefs, "kubescape">;
}

/** A namespace-level control: fails Namespaces whose PSA enforce level still admits the feature. */
export function definePsaFeatureControl(spec: PsaFeatureControlSpec): Control<K8sObject> {
  return defineControl({
    id: spec.id,
    name: spec.name,
    description: `Fails a namespace unless Pod Security Admission enforces the ${spec.minimumLevel} level (or stricter) there, which is what keeps out pods that ${spec.feature}.`,
    rationale: spec.rationale,
    severity: spec.severity,
    category: "admission",
    kinds: ["Namespace"],
    evaluate(namespace) {
      const name = namespace.metadata?.name ?? "";
      const { level, raw } = psaEnforcementOf(namespace);
      if (psaLevelRank(level) >= psaLevelRank(spec.minimumLevel)) return [];
      const current =
        raw === undefined ? "has no PSA enforce label" : level ? `enforces only "${level}"` : `has an invalid PSA enforce value "${raw}"`;
      return [
        {
          message: `namespace "${name}" ${current}, so it admits pods that ${spec.feature}`,
          paths: raw === undefined ? [] : [PSA_ENFORCE_LABEL_PATH],
          fixPaths: [{ path: PSA_ENFORCE_LABEL_PATH, value: spec.minimumLevel }],
        },
      ];
    },
    remediation: `Label the namespace \`${PSA_ENFORCE_LABEL}=${spec.minimumLevel}\` (or \`restricted\`) once its workloads comply; try \`warn\`/\`audit\` labels first to find pods that would be rejected. Namespaces that genuinely need the feature should hold only those workloads and be recorded as exceptions.`,
    refs: { kubescape: [spec.kubescape], ...spec.refs },
    tags: ["pod-security-admission"],
  });
}
