import { parseSearchParams } from "@/lib/api/parse-body";
import { withOrg } from "@/lib/auth/with-org";
import { getRbacDrift } from "@/lib/server/rbac/get-rbac-drift";
import { ZDriftQuery } from "@/lib/server/rbac/rbac-request-schemas";

/** Risky grants new, widened or resolved since a time (default: a week ago), and the RBAC objects that changed. */
export const GET = withOrg<{ slug: string; clusterId: string }>(async ({ req, org, params }) => {
  const { since } = parseSearchParams(new URL(req.url), ZDriftQuery);
  return Response.json(await getRbacDrift({ orgId: org.id, clusterId: params.clusterId, since }));
});
