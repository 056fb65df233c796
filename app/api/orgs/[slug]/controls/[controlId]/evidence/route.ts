import { z } from "zod";
import { parseSearchParams } from "@/lib/api/parse-body";
import { withOrg } from "@/lib/auth/with-org";
import { listControlEvidence } from "@/lib/server/dashboard/list-control-evidence";

const ZQuery = z.object({ clusterId: z.string().min(1).max(64).optional() }).strict();

/** The control's failing objects with their JSON paths, recomputed on the clusters' current objects. */
export const GET = withOrg<{ slug: string; controlId: string }>(async ({ req, org, params }) => {
  const { clusterId } = parseSearchParams(new URL(req.url), ZQuery);
  return Response.json(await listControlEvidence({ orgId: org.id, controlId: params.controlId, clusterId }));
});
