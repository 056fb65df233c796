import { z } from "zod";
import { getFramework } from "@/lib/controls/frameworks";

// Filters shared by every fleet-wide dashboard view (overview, controls, reports). They travel in
// the page URL and in the API query string with the same names, so a shared link reproduces a view.
const list = z
  .string()
  .trim()
  .max(500)
  .transform((s) => s.split(",").map((v) => v.trim()).filter(Boolean))
  .optional();

/** `key=value` (that label with that value) or `key` (the label is present). */
const label = z
  .string()
  .trim()
  .min(1)
  .max(400)
  .regex(/^[^=,]+(=[^=,]*)?$/, "label: use key=value or key")
  .optional();

export const ZFleetFilters = z.object({ provider: list, environment: list, label });
export type FleetFilters = z.infer<typeof ZFleetFilters>;

export const DEFAULT_FRAMEWORK = "all";

export const ZFrameworkId = z
  .string()
  .trim()
  .max(64)
  .refine((id) => !!getFramework(id), { message: "framework: unknown framework id (e.g. all, cis-v1.12, nsa)" });

export const ZTrendDays = z.coerce.number().int().min(1).max(365);

/** The label filter as a (key, value | null) pair. */
export function parseLabelFilter(value: string | undefined): { key: string; value: string | null } | null {
  if (!value) return null;
  const at = value.indexOf("=");
  return at < 0 ? { key: value, value: null } : { key: value.slice(0, at), value: value.slice(at + 1) };
}
