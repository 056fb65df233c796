"use client";

import Link from "next/link";
import { useActionState } from "react";
import { signInWithPassword, signInWithProvider, type AuthFormState } from "@/lib/auth/actions";
import type { OAuthProviderSummary } from "@/lib/auth/oauth-providers";
import { Button } from "@/components/ui/button";
import { FormField, Input } from "@/components/ui/form-field";
import { InlineAlert } from "@/components/ui/states";

export function SignInForm({ callbackUrl, providers, initialError }: { callbackUrl: string; providers: OAuthProviderSummary[]; initialError: string | null }) {
  const [state, action, pending] = useActionState<AuthFormState, FormData>(signInWithPassword, { error: initialError });
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-base font-semibold text-zinc-900">Sign in</h1>
        <p className="mt-0.5 text-sm text-zinc-500">to your Shipshape account</p>
      </div>
      {state.error && <InlineAlert>{state.error}</InlineAlert>}
      <form action={action} className="space-y-3">
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <FormField label="Email" htmlFor="email">
          <Input id="email" name="email" type="email" autoComplete="email" required defaultValue={state.email} autoFocus />
        </FormField>
        <FormField label="Password" htmlFor="password">
          <Input id="password" name="password" type="password" autoComplete="current-password" required />
        </FormField>
        <Button type="submit" className="w-full" loading={pending}>
          Sign in
        </Button>
      </form>
      {providers.length > 0 && (
        <div className="space-y-2">
          <div className="flex items-center gap-3 text-xs text-zinc-400">
            <span className="h-px flex-1 bg-zinc-200" />
            or
            <span className="h-px flex-1 bg-zinc-200" />
          </div>
          {providers.map((p) => (
            <form key={p.id} action={signInWithProvider}>
              <input type="hidden" name="provider" value={p.id} />
              <input type="hidden" name="callbackUrl" value={callbackUrl} />
              <Button type="submit" variant="secondary" className="w-full">
                Continue with {p.name}
              </Button>
            </form>
          ))}
        </div>
      )}
      <p className="text-center text-sm text-zinc-500">
        No account?{" "}
        <Link href={`/sign-up${callbackUrl !== "/" ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ""}`} className="font-medium text-brand-700 hover:underline">
          Create one
        </Link>
      </p>
    </div>
  );
}
