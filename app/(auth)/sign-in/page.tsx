import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { oauthProviderSummaries } from "@/lib/auth/auth";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

const ERROR_MESSAGES: Record<string, string> = {
  OAuthAccountNotLinked: "An account with this email already exists. Sign in with your password; the identity provider did not confirm the email, so it was not linked.",
  OAuthMissingEmail: "The identity provider did not share an email address, which Shipshape needs to create your account.",
  AccessDenied: "Sign-in was refused.",
  Configuration: "Sign-in is misconfigured on the server. Ask your administrator to check the logs.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(typeof params.callbackUrl === "string" ? params.callbackUrl : undefined);
  if (await getSessionUser()) redirect(callbackUrl);
  const errorKey = typeof params.error === "string" ? params.error : null;
  const error = errorKey ? (ERROR_MESSAGES[errorKey] ?? "Sign-in failed. Try again.") : null;
  return <SignInForm callbackUrl={callbackUrl} providers={oauthProviderSummaries} initialError={error} />;
}
