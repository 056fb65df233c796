import { parseSearchParams } from "@/lib/api/parse-body";
import { withOrg } from "@/lib/auth/with-org";
import { ZSearchQuery } from "@/lib/server/rbac/rbac-request-schemas";
import { searchRbacNodes } from "@/lib/server/rbac/search-rbac-nodes";

/** Subjects, roles and workloads by name, as graph nodes to focus on. */
export const GET = withOrg<{ slug: string; clusterId: string }>(async ({ req, org, params }) => {
  const query = parseSearchParams(new URL(req.url), ZSearchQuery);
  return Response.json(await searchRbacNodes({ orgId: org.id, clusterId: params.clusterId, ...query }));
});
