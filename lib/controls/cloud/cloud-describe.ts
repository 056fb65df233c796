// Reading cloud-provider data collected next to the cluster objects: the managed cluster's description
// (EKS DescribeCluster, AKS managedClusters, GKE clusters.get) as `kind: ClusterDescribe` with
// `metadata.provider` eks | aks | gke, and the registry/IAM listings Kubescape's cloud collector emits.
// The same API answer comes PascalCase (AWS SDK), camelCase (REST) or snake_case (Python client), so
// fields are looked up ignoring case and underscores.
import { defineControl } from "../../engine/define-control";
import type { Control, ControlDefinition, K8sObject, Violation } from "../../engine/types";

export type CloudProvider = "eks" | "aks" | "gke";

const PROVIDER_BY_GROUP: Record<string, CloudProvider> = {
  "eks.amazonaws.com": "eks",
  "management.azure.com": "aks",
  "container.googleapis.com": "gke",
};

export function providerOf(obj: K8sObject): CloudProvider | undefined {
  const declared = String(obj.metadata?.provider ?? "").toLowerCase();
  if (declared === "eks" || declared === "aks" || declared === "gke") return declared;
  return PROVIDER_BY_GROUP[String(obj.apiVersion ?? "").split("/")[0]];
}

function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/_/g, "");
}

export interface Located {
  value: unknown;
  /** Path of the value in the object, with the object's own spelling of each key. */
  path: string;
}

/** Finds `names` (a path of field names in any casing) under `from`; undefined when a step is missing. */
export function locate(from: Located, ...names: string[]): Located | undefined {
  let current = from;
  for (const name of names) {
    const value = current.value;
    if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
    const key = Object.keys(value).find((k) => normalizeKey(k) === normalizeKey(name));
    if (key === undefined) return undefined;
    current = { value: (value as Record<string, unknown>)[key], path: current.path ? `${current.path}.${key}` : key };
  }
  return current;
}

/** The root of the provider's cluster description: `data.Cluster` (EKS), `data.properties` (AKS), `data` (GKE). */
export function clusterRoot(obj: K8sObject, provider: CloudProvider): Located | undefined {
  const data: Located = { value: obj.data, path: "data" };
  if (provider === "eks") return locate(data, "cluster");
  if (provider === "aks") return locate(data, "properties");
  return data.value && typeof data.value === "object" ? data : undefined;
}

/** True for the boolean true, the string "true", or (GKE protobuf enums) the named state. */
export function isOn(value: unknown): boolean {
  return value === true || value === "true" || value === "True";
}

export function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

type ClusterCheck = (root: Located, obj: K8sObject) => Violation[] | null;

/**
 * A control evaluated on each ClusterDescribe of the given providers; other providers' clusters are
 * not applicable. `checks` gives the evaluation per provider.
 */
export function defineClusterControl(
  definition: Omit<ControlDefinition<K8sObject>, "kinds" | "targets" | "evaluate" | "needs" | "category"> & {
    category?: ControlDefinition<K8sObject>["category"];
    checks: Partial<Record<CloudProvider, ClusterCheck>>;
  },
): Control<K8sObject> {
  const { checks, ...rest } = definition;
  return defineControl<K8sObject>({
    category: "cloud",
    ...rest,
    needs: ["cloud"],
    kinds: ["ClusterDescribe"],
    evaluate(obj) {
      const provider = providerOf(obj);
      const check = provider && checks[provider];
      if (!check) return null;
      const root = clusterRoot(obj, provider);
      return root ? check(root, obj) : null;
    },
  });
}

/** A minimal Kubernetes minor version from a version string ("1.24.9", "v1.21.5-gke.1302"). */
export function minorVersion(version: unknown): number | undefined {
  const m = String(version ?? "").match(/^v?1\.(\d+)/);
  return m ? Number(m[1]) : undefined;
}
