"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

export function CopyButton({ value, label = "Copy" }: { value: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // Clipboard access needs a secure context; plain-http installs fall back to manual selection.
      setCopied(false);
    }
  }
  return (
    <Button variant="secondary" size="sm" onClick={copy} aria-label={`${label} to clipboard`}>
      {copied ? "Copied" : label}
    </Button>
  );
}

/** A read-only secret or command, selectable in one click, with a copy button. */
export function CopyField({ value, label, multiline = false, testId }: { value: string; label: string; multiline?: boolean; testId?: string }) {
  return (
    <div className="space-y-1">
      <div className="flex items-center justify-between">
        <span className="text-xs font-medium text-zinc-700">{label}</span>
        <CopyButton value={value} />
      </div>
      <pre
        data-testid={testId}
        onClick={(e) => {
          const range = document.createRange();
          range.selectNodeContents(e.currentTarget);
          const sel = window.getSelection();
          sel?.removeAllRanges();
          sel?.addRange(range);
        }}
        className={`overflow-x-auto rounded-md bg-zinc-900 px-3 py-2 font-mono text-xs text-zinc-100 ${multiline ? "whitespace-pre" : "whitespace-nowrap"}`}
      >
        {value}
      </pre>
    </div>
  );
}
