import { prisma } from "@/lib/db/client";
import { verifyPassword } from "@/lib/auth/password";

export type SignedInUser = { id: string; email: string; name: string | null };

/** The user when the email exists and the password matches its hash, else null (same timing either way). */
export async function verifyPasswordSignIn(input: { email: string; password: string }): Promise<SignedInUser | null> {
  const user = await prisma.user.findUnique({
    where: { email: input.email.trim().toLowerCase() },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const ok = await verifyPassword(input.password, user?.passwordHash);
  if (!user || !ok) return null;
  return { id: user.id, email: user.email, name: user.name };
}
