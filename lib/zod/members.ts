import { z } from "zod";

export const ZRole = z.enum(["OWNER", "ADMIN", "VIEWER"]);

export const ZChangeMemberRole = z.object({ role: ZRole }).strict();

export const ZCreateInvitation = z
  .object({
    role: ZRole,
    // Optional: when set, only a user signed in with this email can accept the link.
    email: z.string().trim().toLowerCase().max(254).email("Enter a valid email address").optional(),
    expiresInDays: z.number().int().min(1).max(30).optional(),
  })
  .strict();

export const ZAcceptInvitation = z.object({ token: z.string().trim().min(20).max(200) }).strict();

export type TCreateInvitation = z.infer<typeof ZCreateInvitation>;
