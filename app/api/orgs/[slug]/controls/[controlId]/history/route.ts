import { AppError } from "@/lib/api/errors";
import { parseSearchParams } from "@/lib/api/parse-body";
import { withOrg } from "@/lib/auth/with-org";
import { getControl } from "@/lib/controls";
import { ZFleetFilters, ZTrendDays } from "@/lib/server/dashboard/fleet-filters";
import { getControlHistory } from "@/lib/server/dashboard/get-control-history";

const ZQuery = ZFleetFilters.extend({ days: ZTrendDays.optional() }).strict();

/** The control's fleet pass rate per day over the last `days` (default 30). */
export const GET = withOrg<{ slug: string; controlId: string }>(async ({ req, org, params }) => {
  const { days, ...filters } = parseSearchParams(new URL(req.url), ZQuery);
  if (!getControl(params.controlId)) throw new AppError("not_found", `There is no control ${params.controlId} in the library.`);
  return Response.json({ history: await getControlHistory({ orgId: org.id, controlId: params.controlId, days, filters }) });
});
