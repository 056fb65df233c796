import { parseSearchParams } from "@/lib/api/parse-body";
import { withOrg } from "@/lib/auth/with-org";
import { ZFleetFilters } from "@/lib/server/dashboard/fleet-filters";
import { getControlDetail } from "@/lib/server/dashboard/get-control-detail";

const ZQuery = ZFleetFilters.strict();

/** One control: what it checks and where it fails, passes or is excepted across the fleet. */
export const GET = withOrg<{ slug: string; controlId: string }>(async ({ req, org, params }) => {
  const filters = parseSearchParams(new URL(req.url), ZQuery);
  return Response.json(await getControlDetail({ orgId: org.id, controlId: params.controlId, filters }));
});
