import { z } from "zod";
import { MAX_PASSWORD_BYTES, MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";

export const ZEmail = z.string().trim().toLowerCase().max(254).email("Enter a valid email address");

export const ZPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`)
  .refine((value) => new TextEncoder().encode(value).length <= MAX_PASSWORD_BYTES, {
    message: `Use at most ${MAX_PASSWORD_BYTES} bytes`,
  });

export const ZSignIn = z.object({ email: ZEmail, password: z.string().min(1, "Enter your password").max(1024) }).strict();

export const ZSignUp = z
  .object({
    name: z.string().trim().min(1, "Enter your name").max(100),
    email: ZEmail,
    password: ZPassword,
  })
  .strict();

export type TSignUp = z.infer<typeof ZSignUp>;
