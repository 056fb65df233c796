import { auth } from "@/lib/auth/auth";

export type SessionUser = { id: string; email: string | null; name: string | null };

/** The signed-in user from the session cookie, or null. */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return { id, email: session.user.email ?? null, name: session.user.name ?? null };
}
