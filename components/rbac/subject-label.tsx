import type { SubjectKind } from "@/lib/engine/types";
import { cn } from "@/components/ui/cn";

export function SubjectKindIcon({ kind, className }: { kind: SubjectKind | string; className?: string }) {
  const common = { className: cn("inline-block size-3.5 shrink-0", className), viewBox: "0 0 20 20", fill: "currentColor", "aria-hidden": true } as const;
  if (kind === "Group")
    return (
      <svg {...common}>
        <path d="M7 8a3 3 0 1 0 0-6 3 3 0 0 0 0 6Zm7.5 1a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5ZM1.6 15.4A5.5 5.5 0 0 1 12.4 15.4 1 1 0 0 1 11.4 17H2.6a1 1 0 0 1-1-1.6Zm12.3 1.6h3.6a1 1 0 0 0 .96-1.3 4.5 4.5 0 0 0-5.6-2.9 7 7 0 0 1 1.04 4.2Z" />
      </svg>
    );
  if (kind === "ServiceAccount")
    return (
      <svg {...common}>
        <path d="M10 1a1 1 0 0 1 1 1v1h3a3 3 0 0 1 3 3v7a3 3 0 0 1-3 3H6a3 3 0 0 1-3-3V6a3 3 0 0 1 3-3h3V2a1 1 0 0 1 1-1ZM7.5 9.5a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3Zm5 0a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3ZM7 12a1 1 0 1 0 0 2h6a1 1 0 1 0 0-2H7Zm-6-3h1v4H1V9Zm17 0h1v4h-1V9Z" />
      </svg>
    );
  return (
    <svg {...common}>
      <path d="M10 9a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm-7 9a1 1 0 0 1-1-1.1A8 8 0 0 1 18 16.9a1 1 0 0 1-1 1.1H3Z" />
    </svg>
  );
}

export function subjectDisplayName(subject: { kind: string; name: string; namespace?: string }): string {
  return subject.kind === "ServiceAccount" ? `${subject.namespace}/${subject.name}` : subject.name;
}

const KIND_LABEL: Record<string, string> = { User: "User", Group: "Group", ServiceAccount: "Service account" };

/** Icon, kind and name of a user, group or service account. */
export function SubjectLabel({ subject, className }: { subject: { kind: string; name: string; namespace?: string }; className?: string }) {
  return (
    <span className={cn("inline-flex min-w-0 items-center gap-1.5", className)}>
      <SubjectKindIcon kind={subject.kind} className="text-zinc-500" />
      <span className="text-xs text-zinc-500">{KIND_LABEL[subject.kind] ?? subject.kind}</span>
      <span className="truncate font-medium text-zinc-900" title={subjectDisplayName(subject)}>
        {subjectDisplayName(subject)}
      </span>
    </span>
  );
}
