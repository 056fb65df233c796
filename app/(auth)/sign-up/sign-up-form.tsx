"use client";

import Link from "next/link";
import { useActionState } from "react";
import { signUpWithPassword, type AuthFormState } from "@/lib/auth/actions";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { Button } from "@/components/ui/button";
import { FormField, Input } from "@/components/ui/form-field";
import { InlineAlert } from "@/components/ui/states";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState<AuthFormState, FormData>(signUpWithPassword, { error: null });
  const fe = state.fieldErrors ?? {};
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-base font-semibold text-zinc-900">Create your account</h1>
        <p className="mt-0.5 text-sm text-zinc-500">You can create or join an organization next.</p>
      </div>
      {state.error && <InlineAlert>{state.error}</InlineAlert>}
      <form action={action} className="space-y-3" noValidate>
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <FormField label="Name" htmlFor="name" error={fe.name}>
          <Input id="name" name="name" autoComplete="name" required defaultValue={state.name} aria-invalid={!!fe.name} autoFocus />
        </FormField>
        <FormField label="Work email" htmlFor="email" error={fe.email}>
          <Input id="email" name="email" type="email" autoComplete="email" required defaultValue={state.email} aria-invalid={!!fe.email} />
        </FormField>
        <FormField label="Password" htmlFor="password" error={fe.password} hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}>
          <Input id="password" name="password" type="password" autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} aria-invalid={!!fe.password} />
        </FormField>
        <Button type="submit" className="w-full" loading={pending}>
          Create account
        </Button>
      </form>
      <p className="text-center text-sm text-zinc-500">
        Already have an account?{" "}
        <Link href={`/sign-in${callbackUrl !== "/" ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ""}`} className="font-medium text-brand-700 hover:underline">
          Sign in
        </Link>
      </p>
    </div>
  );
}
