import { AppError } from "@/lib/api/errors";
import { defaultApiGroupOf, isClusterScoped, type WhoCanQuery } from "@/lib/rbac";
import { getClusterRbac } from "./get-cluster-rbac";
import { grantPathView, subjectView, type GrantPathView, type ObjectName, type SubjectView } from "./grant-path-view";
import type { StatePoint } from "./load-cluster-objects";
import type { TWhoCanQuery } from "./rbac-request-schemas";

export type WhoCanAnswer = {
  snapshot: StatePoint | null;
  /** The request as the authorizer sees it (defaults applied, namespace dropped for cluster-scoped resources). */
  request: { verb: string; apiGroup?: string; resource?: string; subresource?: string; namespace?: string; name?: string; nonResourceURL?: string; clusterScoped: boolean };
  subjects: { subject: SubjectView; superuser: boolean; grants: GrantPathView[]; workloads: ObjectName[] }[];
};

const WORKLOADS_PER_ACCOUNT = 10;

/** Subjects allowed the request in the cluster's latest RBAC state, each with the grant paths that allow it. */
export async function runWhoCan({ orgId, clusterId, query }: { orgId: string; clusterId: string; query: TWhoCanQuery }): Promise<WhoCanAnswer> {
  const { snapshot, analysis } = await getClusterRbac({ orgId, clusterId });
  const [resource, subresource] = query.resource ? query.resource.split("/") : [undefined, undefined];
  const apiGroup = query.nonResourceURL ? undefined : (query.apiGroup ?? defaultApiGroupOf(resource!));
  const clusterScoped = !!resource && isClusterScoped(apiGroup ?? "", resource);
  const request: WhoCanQuery = query.nonResourceURL
    ? { verb: query.verb, nonResourceURL: query.nonResourceURL }
    : { verb: query.verb, resource, subresource, apiGroup, namespace: clusterScoped ? undefined : query.namespace, name: query.name };
  let results;
  try {
    results = analysis.model.whoCan(request);
  } catch (error) {
    throw new AppError("validation_failed", (error as Error).message);
  }
  return {
    snapshot,
    request: { ...request, clusterScoped },
    subjects: results.map((r) => ({
      subject: subjectView(r.subject, analysis.subjectRisk(r.subject)),
      superuser: r.superuser,
      grants: r.grants.map((g) => grantPathView(g, g.match)),
      workloads: analysis.workloadsOf(r.subject).slice(0, WORKLOADS_PER_ACCOUNT),
    })),
  };
}
