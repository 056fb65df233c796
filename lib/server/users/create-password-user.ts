import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/api/errors";
import { hashPassword } from "@/lib/auth/password";

export type CreatedUser = { id: string; email: string; name: string | null };

/** Creates a user who signs in with email + password; the email must not be taken. */
export async function createPasswordUser(input: { email: string; name: string; password: string }): Promise<CreatedUser> {
  const email = input.email.trim().toLowerCase();
  const existing = await prisma.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) throw new AppError("conflict", "An account with this email already exists. Sign in instead.");
  const passwordHash = await hashPassword(input.password);
  try {
    return await prisma.user.create({
      data: { email, name: input.name.trim() || null, passwordHash },
      select: { id: true, email: true, name: true },
    });
  } catch (error) {
    // Two sign-ups racing for one email: the unique index decides.
    if ((error as { code?: string }).code === "P2002") {
      throw new AppError("conflict", "An account with this email already exists. Sign in instead.");
    }
    throw error;
  }
}
