import { z } from "zod";
import { ALL_CONTROLS } from "@/lib/controls";

const KNOWN_CONTROLS = new Set(ALL_CONTROLS.map((c) => c.id));
const pattern = z.string().trim().min(1).max(253);
const patterns = z.array(pattern).max(50).optional();

/** Selectors of lib/engine/exceptions.ts ExceptionMatch: glob patterns (`*`) per field; absent = any. */
export const ZExceptionMatch = z
  .object({
    clusters: patterns,
    namespaces: patterns,
    kinds: patterns,
    names: patterns,
    labels: z.record(z.string().min(1).max(317), z.string().max(63)).optional(),
  })
  .strict();

const controlIds = z
  .array(z.string().trim())
  .min(1)
  .max(100)
  .refine((ids) => ids.every((id) => id === "*" || KNOWN_CONTROLS.has(id)), { message: "unknown control id (use ids like SS-0057, or * for every control)" });

export const ZExceptionInput = z
  .object({
    controlIds,
    match: ZExceptionMatch.default({}),
    reason: z.string().trim().min(3).max(2000),
    owner: z.string().trim().max(200).optional(),
    expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
  })
  .strict();

export const ZExceptionPatch = z
  .object({
    id: z.string().min(1).max(64),
    controlIds: controlIds.optional(),
    match: ZExceptionMatch.optional(),
    reason: z.string().trim().min(3).max(2000).optional(),
    owner: z.string().trim().max(200).nullable().optional(),
    expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
  })
  .strict();

export type TExceptionInput = z.infer<typeof ZExceptionInput>;
export type TExceptionPatch = z.infer<typeof ZExceptionPatch>;
