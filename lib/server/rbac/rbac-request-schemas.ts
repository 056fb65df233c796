// Request schemas of the RBAC routes, shared by the routes and (as types) by the client hooks.
import { z } from "zod";

const SEVERITY = z.enum(["critical", "high", "medium", "low"]);
// RBAC names are DNS-ish, but user and group names come from identity providers (emails, URLs).
const NAME = z.string().trim().min(1).max(253);

export const ZWhoCanQuery = z
  .object({
    verb: z.string().trim().min(1).max(64).regex(/^[a-z*]+$/i, "a verb is letters only (get, list, create, impersonate…) or *"),
    /** `pods`, `pods/exec`, `deployments/scale`; omit for a non-resource URL. */
    resource: z.string().trim().min(1).max(253).regex(/^[a-z0-9.*-]+(\/[a-z0-9*-]+)?$/i, "resource or resource/subresource, e.g. pods or pods/exec").optional(),
    /** Defaults to the group of a built-in resource ("" = core). */
    apiGroup: z.string().trim().max(253).optional(),
    namespace: z.string().trim().min(1).max(63).optional(),
    name: NAME.optional(),
    nonResourceURL: z.string().trim().min(1).max(1024).regex(/^\//, "a non-resource URL starts with /").optional(),
  })
  .strict()
  .refine((q) => !!q.resource !== !!q.nonResourceURL, { message: "ask about either a resource or a nonResourceURL (exactly one)" });

export type TWhoCanQuery = z.infer<typeof ZWhoCanQuery>;

export const ZGraphQuery = z
  .object({
    /** A graph node id: `subject:User/alice`, `role:ClusterRole/admin`, `binding:RoleBinding/ns/name`, `workload:Deployment/ns/name`. */
    focus: z.string().trim().min(3).max(600).optional(),
    depth: z.coerce.number().int().min(1).max(4).optional(),
    maxNodes: z.coerce.number().int().min(5).max(150).optional(),
    maxNeighbors: z.coerce.number().int().min(1).max(100).optional(),
  })
  .strict();

export type TGraphQuery = z.infer<typeof ZGraphQuery>;

export const ZSearchQuery = z.object({ q: z.string().trim().max(200).optional(), limit: z.coerce.number().int().min(1).max(50).optional() }).strict();

export const ZRiskyGrantsQuery = z
  .object({
    minSeverity: SEVERITY.optional(),
    ruleId: z.string().trim().regex(/^SS-\d{4}$/, "a control id like SS-1401").optional(),
    q: z.string().trim().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(2000).optional(),
  })
  .strict();

/** `since`: an ISO date-time or a duration back from now (`7d`, `24h`); default one week. */
export const ZDriftQuery = z.object({ since: z.string().trim().min(2).max(40).optional() }).strict();

export const ZFleetSubjectsQuery = z
  .object({
    q: z.string().trim().max(200).optional(),
    kind: z.enum(["User", "Group", "ServiceAccount"]).optional(),
    /** Only subjects with at least this severity in some cluster. */
    minSeverity: SEVERITY.optional(),
    limit: z.coerce.number().int().min(1).max(500).optional(),
  })
  .strict();
