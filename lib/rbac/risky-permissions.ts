// The risky-permission catalogue: capabilities that let a subject escalate, persist, move laterally or
// blind defenders, judged only on what bindings actually give (never on unbound roles). Each entry is
// one engine control (lib/controls/rbac/ss-14NN-*.ts); the UI uses the same list for a subject's
// "risky grants".
import type { Severity, SubjectRef } from "../engine/types";
import { CAPABILITY, KUBE_SYSTEM } from "./capabilities";
import { findGrants, type GrantHit } from "./grant-findings";
import type { GrantPath, RbacModel } from "./model";
import { patternsFor, type PermissionPattern } from "./permission-patterns";

export interface RiskyPermissionRule {
  /** Control id. */
  id: string;
  title: string;
  severity: Severity;
  /** Completes "<subject> …" in findings. */
  capability: string;
  patterns: PermissionPattern[];
  grantFilter?: (grant: GrantPath) => boolean;
}

export const RISKY_PERMISSION_RULES: readonly RiskyPermissionRule[] = [
  {
    id: "SS-1400",
    title: "Cluster-admin equivalent access",
    severity: "critical",
    capability: "can do anything to any resource",
    patterns: CAPABILITY.everything.map((p) => ({ ...p, clusterWide: true })),
  },
  {
    id: "SS-1401",
    title: "Read Secrets in every namespace",
    severity: "critical",
    capability: "can read every Secret",
    patterns: CAPABILITY.readSecretsClusterWide,
  },
  {
    id: "SS-1402",
    title: "Read Secrets in kube-system",
    severity: "high",
    capability: "can read the control plane's Secrets",
    patterns: CAPABILITY.readSecretsInKubeSystem,
    // ClusterRoleBindings are reported by SS-1401.
    grantFilter: (g) => g.scope === KUBE_SYSTEM,
  },
  {
    id: "SS-1403",
    title: "Create Secrets (service-account token minting)",
    severity: "medium",
    capability: "can create Secrets, including service-account token Secrets",
    patterns: CAPABILITY.createSecrets,
  },
  {
    id: "SS-1404",
    title: "Create workloads in kube-system",
    severity: "critical",
    capability: "can start pods in kube-system",
    patterns: CAPABILITY.createWorkloadsInKubeSystem,
  },
  {
    id: "SS-1405",
    title: "Write pod controllers",
    severity: "medium",
    capability: "can create or change Deployments, DaemonSets, StatefulSets, ReplicaSets, Jobs or CronJobs",
    patterns: CAPABILITY.writePodControllers,
  },
  {
    id: "SS-1406",
    title: "Attach to running containers",
    severity: "high",
    capability: "can attach to running containers",
    patterns: CAPABILITY.attach,
  },
  {
    id: "SS-1407",
    title: "Add ephemeral containers",
    severity: "high",
    capability: "can inject ephemeral containers into running pods",
    patterns: CAPABILITY.ephemeralContainers,
  },
  {
    id: "SS-1408",
    title: "Write RBAC roles and bindings",
    severity: "high",
    capability: "can create or change roles and bindings",
    patterns: CAPABILITY.writeRbac,
  },
  {
    id: "SS-1409",
    title: "Sign certificates or approve for signers",
    severity: "high",
    capability: "can sign certificates or approve requests for a signer",
    patterns: [...CAPABILITY.signerApproveOrSign, ...CAPABILITY.updateCsrStatus],
  },
  {
    id: "SS-1410",
    title: "Change admission policies",
    severity: "high",
    capability: "can change admission policies",
    patterns: CAPABILITY.writeAdmissionPolicies,
  },
  {
    id: "SS-1411",
    title: "Write CustomResourceDefinitions",
    severity: "medium",
    capability: "can create, change or delete CustomResourceDefinitions",
    patterns: CAPABILITY.writeCrds,
  },
  {
    id: "SS-1412",
    title: "Write APIServices",
    severity: "high",
    capability: "can register or change aggregated API services",
    patterns: CAPABILITY.writeApiServices,
  },
  {
    id: "SS-1413",
    title: "Change nodes or node status",
    severity: "medium",
    capability: "can change Node objects or their status",
    patterns: CAPABILITY.writeNodes,
  },
  {
    id: "SS-1414",
    title: "Update pod status",
    severity: "medium",
    capability: "can rewrite pod status",
    patterns: CAPABILITY.writePodStatus,
  },
  {
    id: "SS-1415",
    title: "Update service status",
    severity: "medium",
    capability: "can rewrite Service status (load-balancer addresses)",
    patterns: CAPABILITY.writeServiceStatus,
  },
  {
    id: "SS-1416",
    title: "Rewire traffic: NetworkPolicies, Endpoints, EndpointSlices",
    severity: "medium",
    capability: "can weaken NetworkPolicies or redirect Service endpoints",
    patterns: CAPABILITY.writeTrafficRouting,
  },
  {
    id: "SS-1417",
    title: "Change the EKS aws-auth ConfigMap",
    severity: "critical",
    capability: "can rewrite the aws-auth ConfigMap",
    patterns: CAPABILITY.writeAwsAuth,
  },
  {
    id: "SS-1418",
    title: "Change running pods",
    severity: "medium",
    capability: "can update or patch running pods",
    patterns: CAPABILITY.mutatePods,
  },
  {
    id: "SS-1419",
    title: "Change namespaces (Pod Security labels)",
    severity: "medium",
    capability: "can relabel namespaces, Pod Security admission labels included",
    patterns: CAPABILITY.writeNamespaces,
  },
  {
    id: "SS-1424",
    title: "Impersonate system:masters",
    severity: "critical",
    capability: "can impersonate the system:masters group",
    patterns: [{ verbs: ["impersonate"], apiGroup: "", resource: "groups", name: "system:masters" }],
  },
  {
    id: "SS-1425",
    title: "Mint tokens for kube-system service accounts",
    severity: "critical",
    capability: "can mint tokens for kube-system service accounts",
    patterns: patternsFor("", ["serviceaccounts/token"], ["create"], { namespace: KUBE_SYSTEM }),
  },
  {
    id: "SS-1426",
    title: "Read node logs or checkpoint containers",
    severity: "medium",
    capability: "can read node logs or checkpoint containers through the kubelet",
    patterns: [
      ...patternsFor("", ["nodes/log"], ["get", "create"]),
      ...patternsFor("", ["nodes/checkpoint"], ["create", "get"]),
    ],
  },
];

const BY_ID = new Map(RISKY_PERMISSION_RULES.map((r) => [r.id, r]));

export function riskyPermissionRule(id: string): RiskyPermissionRule {
  const rule = BY_ID.get(id);
  if (!rule) throw new Error(`no risky-permission rule ${id}`);
  return rule;
}

/** The subject's own grants that trigger the rule. */
export function evaluateRiskyRule(model: RbacModel, subject: SubjectRef, rule: RiskyPermissionRule, inherited = false): GrantHit[] {
  return findGrants(model, subject, rule.patterns, { filter: rule.grantFilter, inherited });
}

/** Every catalogue rule the subject triggers (through its bindings and, with `inherited`, its groups). */
export function riskyGrantsOf(model: RbacModel, subject: SubjectRef, inherited = true): { rule: RiskyPermissionRule; hits: GrantHit[] }[] {
  const out: { rule: RiskyPermissionRule; hits: GrantHit[] }[] = [];
  for (const rule of RISKY_PERMISSION_RULES) {
    const hits = evaluateRiskyRule(model, subject, rule, inherited);
    if (hits.length) out.push({ rule, hits });
  }
  return out;
}
