"use client";

import type { ReactNode } from "react";
import { CopyField } from "@/components/ui/copy-button";
import { InlineAlert } from "@/components/ui/states";

/** The one moment a token's secret is visible: the token and the commands that use it. */
export function IssuedTokenPanel({ token, prefix, installCommands, footer }: { token: string; prefix: string; installCommands: { helm: string; npx: string }; footer?: ReactNode }) {
  return (
    <div className="space-y-4" data-testid="issued-token">
      <InlineAlert tone="amber">
        Copy this token now. It is shown <strong>only once</strong>; Shipshape stores just its hash. Later you will only see its prefix{" "}
        <code className="font-mono">{prefix}…</code>.
      </InlineAlert>
      <CopyField label="Agent token" value={token} testId="issued-token-value" />
      <CopyField label="Install with Helm" value={installCommands.helm} multiline testId="install-helm" />
      <CopyField label="Or run the agent directly" value={installCommands.npx} testId="install-npx" />
      {footer}
    </div>
  );
}
