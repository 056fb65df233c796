import { z } from "zod";

export const TOKEN_EXPIRY_DAYS = [30, 90, 365] as const;

export const ZCreateAgentToken = z
  .object({
    name: z.string().trim().min(1, "Enter a name").max(80),
    // Without a cluster the token may report for any cluster of the organization.
    clusterId: z.string().trim().min(1).max(64).optional(),
    expiresInDays: z.number().int().min(1).max(3650).optional(),
  })
  .strict();

export type TCreateAgentToken = z.infer<typeof ZCreateAgentToken>;
