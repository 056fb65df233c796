import type { Metadata } from "next";
import Link from "next/link";
import { Logo } from "@/components/shell/logo";
import { buttonClasses } from "@/components/ui/button";
import { getSessionUser } from "@/lib/auth/session";
import { getInvitationByToken } from "@/lib/server/invitations/get-invitation-by-token";
import { AcceptInvitationClient } from "./page-client";

export const metadata: Metadata = { title: "Invitation" };

const STATE_MESSAGES = {
  accepted: "This invitation link has already been used.",
  revoked: "This invitation has been revoked.",
  expired: "This invitation has expired. Ask an owner of the organization for a new link.",
} as const;

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // Token shapes other than ours cannot match a hash; skip the lookup.
  const preview = /^[A-Za-z0-9_-]{20,200}$/.test(token) ? await getInvitationByToken({ token }) : null;
  const user = await getSessionUser();
  const here = `/invite/${token}`;

  let body: React.ReactNode;
  if (!preview) {
    body = <p className="text-sm text-zinc-600">This invitation link is not valid. Check that you copied the whole link.</p>;
  } else if (preview.state !== "pending") {
    body = <p className="text-sm text-zinc-600">{STATE_MESSAGES[preview.state]}</p>;
  } else {
    body = (
      <div className="space-y-4">
        <p className="text-sm text-zinc-600">
          You have been invited to join <strong className="text-zinc-900">{preview.org.name}</strong> as{" "}
          <strong className="text-zinc-900">{preview.role.toLowerCase()}</strong>
          {preview.email ? (
            <>
              {" "}
              (for <span className="font-medium">{preview.email}</span>)
            </>
          ) : null}
          .
        </p>
        {user ? (
          <AcceptInvitationClient token={token} signedInAs={user.email ?? user.name ?? "you"} />
        ) : (
          <div className="flex gap-2">
            <Link className={buttonClasses("primary")} href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`}>
              Sign in to accept
            </Link>
            <Link className={buttonClasses("secondary")} href={`/sign-up?callbackUrl=${encodeURIComponent(here)}`}>
              Create an account
            </Link>
          </div>
        )}
      </div>
    );
  }

  return (
    <div className="flex min-h-screen flex-col items-center justify-center bg-zinc-50 px-4">
      <div className="mb-6">
        <Logo />
      </div>
      <div className="w-full max-w-md rounded-lg border border-zinc-200 bg-white p-6 shadow-sm">
        <h1 className="mb-3 text-base font-semibold text-zinc-900">Join an organization</h1>
        {body}
      </div>
    </div>
  );
}
