"use server";

// Server actions for signing in, up and out. None of them is organization-scoped; every
// org-scoped mutation is a JSON route under /api/orgs/[slug] behind withOrg.

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { oauthProviderSummaries, signIn, signOut } from "@/lib/auth/auth";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { clientIpFrom, SlidingWindowCounter } from "@/lib/auth/login-rate-limit";
import { isAppError } from "@/lib/api/errors";
import { createPasswordUser } from "@/lib/server/users/create-password-user";
import { ZSignUp } from "@/lib/zod/auth";

export type AuthFormState = { error: string | null; fieldErrors?: Record<string, string>; email?: string; name?: string };

// Sign-ups per client IP: enough for a team onboarding behind one NAT, not for scripted account farming.
const signUpLimiter = new SlidingWindowCounter({ limit: 20, windowMs: 60 * 60_000 });

function messageForSignInError(error: AuthError): string {
  const code = (error as AuthError & { code?: string }).code;
  if (code === "rate_limited") return "Too many failed sign-in attempts. Wait 15 minutes and try again.";
  if (error.type === "CredentialsSignin") return "Incorrect email or password.";
  return "Sign-in failed. Try again.";
}

export async function signInWithPassword(_prev: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const email = String(formData.get("email") ?? "");
  const password = String(formData.get("password") ?? "");
  const redirectTo = safeCallbackUrl(formData.get("callbackUrl"));
  if (!email || !password) return { error: "Enter your email and password.", email };
  try {
    await signIn("credentials", { email, password, redirectTo });
  } catch (error) {
    // Success is a thrown NEXT_REDIRECT, which must propagate.
    if (error instanceof AuthError) return { error: messageForSignInError(error), email };
    throw error;
  }
  return { error: null };
}

export async function signUpWithPassword(_prev: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const raw = { name: String(formData.get("name") ?? ""), email: String(formData.get("email") ?? ""), password: String(formData.get("password") ?? "") };
  const redirectTo = safeCallbackUrl(formData.get("callbackUrl"));
  const parsed = ZSignUp.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return { error: null, fieldErrors, email: raw.email, name: raw.name };
  }
  const ip = clientIpFrom(await headers());
  if (signUpLimiter.isBlocked(ip)) return { error: "Too many accounts created from this network. Try again later.", email: raw.email, name: raw.name };
  try {
    await createPasswordUser(parsed.data);
    signUpLimiter.record(ip);
  } catch (error) {
    if (isAppError(error)) return { error: error.message, email: raw.email, name: raw.name };
    throw error;
  }
  try {
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo });
  } catch (error) {
    if (error instanceof AuthError) return { error: "Your account was created, but signing in failed. Sign in manually." };
    throw error;
  }
  return { error: null };
}

export async function signInWithProvider(formData: FormData): Promise<void> {
  const provider = String(formData.get("provider") ?? "");
  if (!oauthProviderSummaries.some((p) => p.id === provider)) throw new Error("Unknown sign-in provider.");
  await signIn(provider, { redirectTo: safeCallbackUrl(formData.get("callbackUrl")) });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}
