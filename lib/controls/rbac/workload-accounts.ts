// What the RBAC workload controls (SS-0014, SS-0267, SS-0272, SS-1450) need of a workload: its pod
// spec, the service account it runs as, whether its token is mounted and how it is exposed. Worked out
// once per workload and scan, shared by those controls (thousands of workloads, a few hundred accounts).
import type { EvalContext, FixPath, K8sObject, SubjectRef } from "../../engine/types";
import { podSpecOf, serviceAccountNameOf, type PodSpecAt } from "../../engine/workload";
import { buildExposureIndex, type Exposure } from "../../rbac/attack-paths";
import { findServiceAccountObject, serviceAccountOfWorkload, serviceAccountTokenMounted } from "../../rbac/workload-identity";

export interface WorkloadAccount {
  workload: K8sObject;
  at: PodSpecAt;
  /** `serviceAccountOfWorkload`, one object per account and scan: usable as a map key. */
  account: SubjectRef;
  /** `[<pod spec>.serviceAccountName]` (or `.serviceAccount`) when the pod spec names the account. Shared: do not mutate. */
  accountPaths?: string[];
  /** Setting `automountServiceAccountToken: false` on the pod spec. Shared: do not mutate. */
  fixPaths: FixPath[];
  mounted?: boolean;
  /** "<kind> <name> runs as ServiceAccount <namespace>/<name>", set by the token controls' first finding. */
  messageHead?: string;
}

class WorkloadAccounts {
  private readonly byWorkload = new Map<K8sObject, WorkloadAccount | null>();
  private readonly accounts = new Map<string, Map<string, SubjectRef>>();

  private exposures?: Map<K8sObject, Exposure>;

  constructor(private readonly ctx: EvalContext) {}

  /** How the workload is reachable from outside the cluster; undefined when it is not. */
  exposure(workload: K8sObject): Exposure | undefined {
    this.exposures ??= buildExposureIndex(this.ctx.index);
    return this.exposures.get(workload);
  }

  of(workload: K8sObject): WorkloadAccount | undefined {
    let known = this.byWorkload.get(workload);
    if (known === undefined) {
      const at = podSpecOf(workload);
      known = at ? this.describe(workload, at) : null;
      this.byWorkload.set(workload, known);
    }
    return known ?? undefined;
  }

  private describe(workload: K8sObject, at: PodSpecAt): WorkloadAccount {
    // serviceAccountOfWorkload, one object per account.
    const namespace = workload.metadata?.namespace || "default";
    const name = serviceAccountNameOf(workload);
    let inNamespace = this.accounts.get(namespace);
    if (!inNamespace) this.accounts.set(namespace, (inNamespace = new Map()));
    let account = inNamespace.get(name);
    if (!account) inNamespace.set(name, (account = serviceAccountOfWorkload(workload)));
    const field = at.spec.serviceAccountName ? "serviceAccountName" : at.spec.serviceAccount ? "serviceAccount" : undefined;
    return {
      workload,
      at,
      account,
      accountPaths: field ? sharedPaths(`${at.path}.${field}`) : undefined,
      fixPaths: sharedFixPaths(at.path),
      mounted: undefined,
      messageHead: undefined,
    };
  }

  /** Whether the workload's pods get the account's token (see `serviceAccountTokenMounted`). */
  mounted(w: WorkloadAccount): boolean {
    if (w.mounted === undefined) {
      const object = findServiceAccountObject(this.ctx.index, w.account.namespace!, w.account.name);
      w.mounted = serviceAccountTokenMounted(w.workload, object);
    }
    return w.mounted;
  }
}

function workloadAccounts(ctx: EvalContext): WorkloadAccounts {
  return ctx.cache("rbac:workload-accounts", () => new WorkloadAccounts(ctx));
}

/** The workload's pod spec and service account; undefined when it has no pod spec. */
export function workloadAccountOf(ctx: EvalContext, workload: K8sObject): WorkloadAccount | undefined {
  return workloadAccounts(ctx).of(workload);
}

/** How the workload is reachable from outside the cluster (see `buildExposureIndex`); undefined when it is not. */
export function workloadExposure(ctx: EvalContext, workload: K8sObject): Exposure | undefined {
  return workloadAccounts(ctx).exposure(workload);
}

/** Whether the workload's pods mount the service-account token, worked out once per workload and scan. */
export function accountTokenMounted(ctx: EvalContext, w: WorkloadAccount): boolean {
  return w.mounted ?? workloadAccounts(ctx).mounted(w);
}

// Paths differ only by the kind's pod-spec location: every finding at one location shares one
// (frozen) list instead of allocating its own.
const pathLists = new Map<string, string[]>();
const fixPathLists = new Map<string, FixPath[]>();

function sharedPaths(path: string): string[] {
  let list = pathLists.get(path);
  if (!list) pathLists.set(path, (list = Object.freeze([path]) as unknown as string[]));
  return list;
}

function sharedFixPaths(specPath: string): FixPath[] {
  let list = fixPathLists.get(specPath);
  if (!list) {
    const fix = Object.freeze({ path: `${specPath}.automountServiceAccountToken`, value: "false" });
    fixPathLists.set(specPath, (list = Object.freeze([fix]) as unknown as FixPath[]));
  }
  return list;
}
