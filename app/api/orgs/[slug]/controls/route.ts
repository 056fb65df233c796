import { z } from "zod";
import { parseSearchParams } from "@/lib/api/parse-body";
import { withOrg } from "@/lib/auth/with-org";
import { SEVERITIES, type ControlCategory } from "@/lib/engine/types";
import { ZFleetFilters, ZFrameworkId } from "@/lib/server/dashboard/fleet-filters";
import { FLEET_CONTROL_STATUSES, listControlCatalog } from "@/lib/server/dashboard/list-control-catalog";

const CATEGORIES: readonly ControlCategory[] = ["workload", "secrets", "images", "network", "access-control", "control-plane", "node", "admission", "cloud", "hygiene"];

function csvOf<T extends string>(allowed: readonly T[], name: string) {
  return z
    .string()
    .trim()
    .max(200)
    .transform((s) => s.split(",").map((v) => v.trim()).filter(Boolean))
    .refine((values) => values.every((v) => (allowed as readonly string[]).includes(v)), { message: `${name}: use ${allowed.join(", ")}` })
    .transform((values) => values as T[])
    .optional();
}

const ZQuery = ZFleetFilters.extend({
  framework: ZFrameworkId.optional(),
  severity: csvOf(SEVERITIES, "severity"),
  category: csvOf(CATEGORIES, "category"),
  status: csvOf(FLEET_CONTROL_STATUSES, "status"),
  q: z.string().trim().max(100).optional(),
}).strict();

/** The control library with each control's standing across the (filtered) fleet. */
export const GET = withOrg(async ({ req, org }) => {
  const { framework, severity, category, status, q, ...filters } = parseSearchParams(new URL(req.url), ZQuery);
  return Response.json(await listControlCatalog({ orgId: org.id, query: { framework, severity, category, status, q }, filters }));
});
