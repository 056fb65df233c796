import { z } from "zod";
import { parseSearchParams } from "@/lib/api/parse-body";
import { withOrg } from "@/lib/auth/with-org";
import { getClusterObject } from "@/lib/server/dashboard/get-cluster-object";
import { listClusterResources } from "@/lib/server/dashboard/list-cluster-resources";

const ZQuery = z.object({ key: z.string().min(1).max(1100).optional() }).strict();

/**
 * One object of the cluster (`key` = group/Kind/namespace/name, an RBAC subject key, or `cluster`):
 * body, open findings with JSON paths, change history. Without `key`: the object with the worst findings.
 */
export const GET = withOrg<{ slug: string; clusterId: string }>(async ({ req, org, params }) => {
  let { key } = parseSearchParams(new URL(req.url), ZQuery);
  if (!key) {
    const first = (await listClusterResources({ orgId: org.id, clusterId: params.clusterId })).resources[0];
    if (!first) return Response.json({ object: null });
    key = first.key;
  }
  return Response.json({ object: await getClusterObject({ orgId: org.id, clusterId: params.clusterId, key }) });
});
