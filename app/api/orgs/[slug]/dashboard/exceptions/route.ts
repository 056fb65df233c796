import { withOrg } from "@/lib/auth/with-org";
import { listExceptionCoverage } from "@/lib/server/dashboard/list-exception-coverage";

/** Open findings each exception covers right now (the exceptions themselves: /api/orgs/[slug]/exceptions). */
export const GET = withOrg(async ({ org }) => {
  return Response.json(await listExceptionCoverage({ orgId: org.id }));
});
