import { withOrg } from "@/lib/auth/with-org";
import { getAgentHealth } from "@/lib/server/dashboard/get-agent-health";

/** The cluster's agent: last push, last evaluation, collection errors, stuck or failed snapshots. */
export const GET = withOrg<{ slug: string; clusterId: string }>(async ({ org, params }) => {
  return Response.json({ agent: await getAgentHealth({ orgId: org.id, clusterId: params.clusterId }) });
});
