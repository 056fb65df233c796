import { withOrg } from "@/lib/auth/with-org";
import { listStaleExceptions } from "@/lib/server/exceptions/list-stale-exceptions";

/** Exceptions that expired or have matched nothing for 30 days. */
export const GET = withOrg(async ({ org }) => {
  return Response.json({ exceptions: await listStaleExceptions({ orgId: org.id }) });
});
