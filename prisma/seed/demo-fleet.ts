// The demo organizations and their clusters. Everything here is invented for the demo.

export type PostureProfile = "hardened" | "typical" | "lax";

export interface DemoClusterSpec {
  name: string;
  provider: "eks" | "aks" | "gke" | "on-prem" | "kind" | "k3s";
  environment: "production" | "staging" | "development";
  region: string | null;
  /** Versions over time: the cluster runs `versions[i].version` from `fromDay` on. */
  versions: { fromDay: number; version: string }[];
  nodeCount: number;
  labels: Record<string, string>;
  /** Days of snapshot history before the first seed. */
  historyDays: number;
  posture: PostureProfile;
  /** Application namespaces besides the system ones. */
  appNamespaces: string[];
  agentVersion: string;
  /** The agent went quiet this many days before the first seed and never came back. */
  offlineForDays?: number;
  /** Resource types the agent's ClusterRole could not list (recorded in every snapshot). */
  forbiddenResources?: string[];
}

export interface DemoOrgSpec {
  name: string;
  slug: string;
  clusters: DemoClusterSpec[];
}

export const DEMO_PASSWORD_ENV = "SHIPSHAPE_DEMO_PASSWORD";
export const DEFAULT_DEMO_PASSWORD = "shipshape-demo";

export const DEMO_USERS = {
  owner: { email: "demo@shipshape.local", name: "Dana Demo" },
  viewer: { email: "viewer@shipshape.local", name: "Victor Viewer" },
} as const;

/** Snapshots arrive every six hours in the demo history. */
export const SNAPSHOT_INTERVAL_HOURS = 6;

export const DEMO_ORGS: DemoOrgSpec[] = [
  {
    name: "Acme Corp",
    slug: "acme-corp",
    clusters: [
      {
        name: "prod-us-east-1",
        provider: "eks",
        environment: "production",
        region: "us-east-1",
        versions: [
          { fromDay: 0, version: "v1.30.8-eks-2d98532" },
          { fromDay: 52, version: "v1.31.4-eks-2d98532" },
        ],
        nodeCount: 14,
        labels: { team: "platform", tier: "critical", "cost-center": "cc-1042" },
        historyDays: 90,
        posture: "typical",
        appNamespaces: ["payments", "checkout", "catalog"],
        agentVersion: "0.4.2",
      },
      {
        name: "prod-westeurope",
        provider: "aks",
        environment: "production",
        region: "westeurope",
        versions: [{ fromDay: 0, version: "v1.30.6" }],
        nodeCount: 9,
        labels: { team: "platform", tier: "critical", "data-residency": "eu" },
        historyDays: 90,
        posture: "hardened",
        appNamespaces: ["payments", "checkout", "identity"],
        agentVersion: "0.4.2",
      },
      {
        name: "staging-europe-west1",
        provider: "gke",
        environment: "staging",
        region: "europe-west1",
        versions: [
          { fromDay: 0, version: "v1.31.1-gke.1678000" },
          { fromDay: 30, version: "v1.31.3-gke.1162000" },
        ],
        nodeCount: 5,
        labels: { team: "platform", tier: "pre-production" },
        historyDays: 60,
        posture: "typical",
        appNamespaces: ["payments", "checkout", "catalog", "recommendations"],
        agentVersion: "0.4.2",
      },
      {
        name: "dc1-frankfurt",
        provider: "on-prem",
        environment: "production",
        region: "dc1-frankfurt",
        versions: [{ fromDay: 0, version: "v1.29.10" }],
        nodeCount: 7,
        labels: { team: "infrastructure", tier: "critical", site: "dc1" },
        historyDays: 75,
        posture: "lax",
        appNamespaces: ["billing", "erp-connector", "reporting"],
        agentVersion: "0.3.9",
        forbiddenResources: ["networking.k8s.io/v1/networkpolicies"],
      },
      {
        name: "dev-kind",
        provider: "kind",
        environment: "development",
        region: null,
        versions: [{ fromDay: 0, version: "v1.32.0" }],
        nodeCount: 1,
        labels: { team: "developer-experience", owner: "dana" },
        historyDays: 30,
        posture: "lax",
        appNamespaces: ["checkout"],
        agentVersion: "0.4.2",
        offlineForDays: 4,
      },
    ],
  },
  {
    name: "Acme Labs",
    slug: "acme-labs",
    clusters: [
      {
        name: "edge-lab-k3s",
        provider: "k3s",
        environment: "development",
        region: "lab-berlin",
        versions: [{ fromDay: 0, version: "v1.31.4+k3s1" }],
        nodeCount: 3,
        labels: { team: "research" },
        historyDays: 35,
        posture: "typical",
        appNamespaces: ["sensors"],
        agentVersion: "0.4.2",
      },
    ],
  },
];

export function kubernetesVersionOn(spec: DemoClusterSpec, day: number): string {
  let current = spec.versions[0].version;
  for (const v of spec.versions) if (day >= v.fromDay) current = v.version;
  return current;
}
