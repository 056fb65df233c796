import { z } from "zod";

export const ZAuditQuery = z
  .object({
    cursor: z.string().min(1).max(64).optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
  })
  .strict();
