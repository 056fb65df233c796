import { withOrg } from "@/lib/auth/with-org";
import { listEvaluationFailures } from "@/lib/server/pipeline/list-evaluation-failures";

/** Snapshots whose evaluation failed and dead-lettered pipeline jobs, with their errors (admins). */
export const GET = withOrg(
  async ({ org }) => {
    return Response.json({ failures: await listEvaluationFailures({ orgId: org.id }) });
  },
  { role: "ADMIN" },
);
