// The frameworks Shipshape scores. Membership follows each control's refs (see lib/engine/frameworks.ts).
import { resolveFramework, type Framework, type FrameworkDefinition } from "../../engine/frameworks";
import { ALL_CONTROLS } from "../index";

export const FRAMEWORK_DEFINITIONS: readonly FrameworkDefinition[] = [
  {
    id: "nsa",
    name: "NSA-CISA Kubernetes Hardening Guide",
    version: "1.2",
    description: "Hardening guidance from the US NSA and CISA: pod security, network separation, authentication and authorization, audit logging, upgrades.",
    refsKey: "nsa",
  },
  {
    id: "mitre",
    name: "MITRE ATT&CK for Containers",
    version: "v17",
    description: "Controls that detect or prevent techniques of the MITRE ATT&CK containers matrix.",
    refsKey: "mitre",
  },
  {
    id: "cis-v1.12",
    name: "CIS Kubernetes Benchmark",
    version: "1.12.0",
    description: "Center for Internet Security benchmark for self-managed Kubernetes: control plane, etcd, nodes and policies. Manual items are reported as manual.",
    refsKey: "cis",
  },
  {
    id: "cis-eks",
    name: "CIS Amazon EKS Benchmark",
    version: "1.8.0",
    description: "CIS benchmark for Amazon Elastic Kubernetes Service: worker nodes, policies and managed services.",
    refsKey: "cisEks",
  },
  {
    id: "cis-aks",
    name: "CIS Azure AKS Benchmark",
    version: "1.8.0",
    description: "CIS benchmark for Azure Kubernetes Service: worker nodes, policies and managed services.",
    refsKey: "cisAks",
  },
  {
    id: "cis-gke",
    name: "CIS Google GKE Benchmark",
    version: "1.9.0",
    description: "CIS benchmark for Google Kubernetes Engine: worker nodes, policies and managed services.",
    refsKey: "cisGke",
  },
  {
    id: "pss-baseline",
    name: "Pod Security Standards — Baseline",
    version: "v1.33",
    description: "Kubernetes Pod Security Standards, Baseline profile: prevents known privilege escalations.",
    refsKey: "pss",
    selectRef: (values) => values.find((v) => v.startsWith("baseline:")) ?? false,
  },
  {
    id: "pss-restricted",
    name: "Pod Security Standards — Restricted",
    version: "v1.33",
    description: "Kubernetes Pod Security Standards, Restricted profile: Baseline plus current pod hardening best practice.",
    refsKey: "pss",
    selectRef: (values) => values.find((v) => v.startsWith("restricted:") || v.startsWith("baseline:")) ?? false,
  },
  {
    id: "soc2",
    name: "SOC 2",
    version: "2017 TSC",
    description: "Controls that provide evidence for the SOC 2 Trust Services Criteria (logical access, change and system operations).",
    refsKey: "soc2",
  },
  {
    id: "all",
    name: "All controls",
    version: "library",
    description: "Every current control in the Shipshape library.",
    // SS-0115 encodes an old CIS item (DenyServiceExternalIPs must not be set) that the current
    // benchmark reverses (SS-0283); it runs only when asked for by id.
    exclude: ["SS-0115"],
  },
];

let resolved: Framework[] | undefined;

/** Every framework, resolved against the current library. */
export function listFrameworks(): Framework[] {
  resolved ??= FRAMEWORK_DEFINITIONS.map((d) => resolveFramework(d, ALL_CONTROLS));
  return resolved;
}

export function getFramework(id: string): Framework | undefined {
  return listFrameworks().find((f) => f.id === id);
}
