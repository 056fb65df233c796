import { parseSearchParams } from "@/lib/api/parse-body";
import { withOrg } from "@/lib/auth/with-org";
import { listFleetSubjects } from "@/lib/server/rbac/list-fleet-subjects";
import { ZFleetSubjectsQuery } from "@/lib/server/rbac/rbac-request-schemas";

/** The same subject names across clusters: where they are bound, how risky, cluster-admin in how many. */
export const GET = withOrg(async ({ req, org }) => {
  const query = parseSearchParams(new URL(req.url), ZFleetSubjectsQuery);
  return Response.json(await listFleetSubjects({ orgId: org.id, ...query }));
});
