"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { InlineAlert } from "@/components/ui/states";
import { useAcceptInvitation } from "@/lib/queries/organizations";

export function AcceptInvitationClient({ token, signedInAs }: { token: string; signedInAs: string }) {
  const router = useRouter();
  const accept = useAcceptInvitation();
  return (
    <div className="space-y-3">
      {accept.error && <InlineAlert>{accept.error.message}</InlineAlert>}
      <div className="flex items-center justify-between gap-3">
        <span className="text-xs text-zinc-500">Signed in as {signedInAs}</span>
        <Button loading={accept.isPending} onClick={() => accept.mutate(token, { onSuccess: (r) => router.push(`/o/${r.org.slug}`) })}>
          Accept invitation
        </Button>
      </div>
    </div>
  );
}
