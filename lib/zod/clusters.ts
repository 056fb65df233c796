import { z } from "zod";

export const CLUSTER_PROVIDERS = ["eks", "aks", "gke", "openshift", "rancher", "k3s", "kind", "on-prem", "other", "unknown"] as const;
export const CLUSTER_ENVIRONMENTS = ["production", "staging", "development", "test", "sandbox"] as const;

export const PROVIDER_LABELS: Record<string, string> = {
  eks: "Amazon EKS",
  aks: "Azure AKS",
  gke: "Google GKE",
  openshift: "OpenShift",
  rancher: "Rancher",
  k3s: "k3s",
  kind: "kind",
  "on-prem": "On-premises",
  other: "Other",
  unknown: "Unknown",
};

// Kubernetes label syntax (prefix/name: value), so labels can be copied to and from clusters.
const LABEL_KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;

export const ZClusterLabels = z
  .record(z.string().regex(LABEL_KEY, "Label keys use Kubernetes label syntax"), z.string().regex(LABEL_VALUE, "Label values use Kubernetes label syntax"))
  .refine((labels) => Object.keys(labels).length <= 32, { message: "At most 32 labels" });

export const ZClusterName = z
  .string()
  .trim()
  .min(2, "Use at least 2 characters")
  .max(63, "Use at most 63 characters")
  .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, "Use lowercase letters, digits, '-' and '.' (start and end with a letter or digit)");

export const ZRegisterCluster = z
  .object({
    name: ZClusterName,
    provider: z.enum(CLUSTER_PROVIDERS),
    environment: z.enum(CLUSTER_ENVIRONMENTS),
    region: z.string().trim().max(64).regex(/^[A-Za-z0-9._-]*$/, "Use letters, digits, '.', '_' or '-'").optional(),
    labels: ZClusterLabels.optional(),
  })
  .strict();

export type TRegisterCluster = z.infer<typeof ZRegisterCluster>;

/** Parses "team=payments, tier=critical" into a label map (the form's text input). */
export function parseLabelText(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const part of text.split(/[,\n]/)) {
    const trimmed = part.trim();
    if (!trimmed) continue;
    const eq = trimmed.indexOf("=");
    if (eq === -1) labels[trimmed] = "";
    else labels[trimmed.slice(0, eq).trim()] = trimmed.slice(eq + 1).trim();
  }
  return labels;
}
