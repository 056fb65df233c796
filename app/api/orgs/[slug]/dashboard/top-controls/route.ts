import { z } from "zod";
import { parseSearchParams } from "@/lib/api/parse-body";
import { withOrg } from "@/lib/auth/with-org";
import { ZFleetFilters, ZFrameworkId } from "@/lib/server/dashboard/fleet-filters";
import { listTopFailingControls } from "@/lib/server/dashboard/list-top-failing-controls";

const ZQuery = ZFleetFilters.extend({ framework: ZFrameworkId.optional(), limit: z.coerce.number().int().min(1).max(100).optional() }).strict();

/** The framework's controls failing in the most clusters, worst severity first. */
export const GET = withOrg(async ({ req, org }) => {
  const { framework, limit, ...filters } = parseSearchParams(new URL(req.url), ZQuery);
  return Response.json(await listTopFailingControls({ orgId: org.id, framework, limit, filters }));
});
