import { SubjectKindIcon } from "@/components/rbac/subject-label";
import { cn } from "@/components/ui/cn";

type NodeKind = "subject" | "binding" | "role" | "workload" | "permission" | "collapsed";

/** One glyph per node type (subjects by kind), so types differ by shape as well as by label. */
export function GraphNodeIcon({ type, subjectKind, className }: { type: NodeKind; subjectKind?: string; className?: string }) {
  if (type === "subject") return <SubjectKindIcon kind={subjectKind ?? "User"} className={className} />;
  const common = { className: cn("inline-block size-3.5 shrink-0", className), viewBox: "0 0 20 20", fill: "currentColor", "aria-hidden": true } as const;
  switch (type) {
    case "binding":
      return (
        <svg {...common}>
          <path d="M8.5 11.5a1 1 0 0 1 0-1.4l3-3a1 1 0 1 1 1.4 1.4l-3 3a1 1 0 0 1-1.4 0ZM6.3 9.3l-1.6 1.6a3 3 0 0 0 4.2 4.3l1.6-1.7a1 1 0 1 1 1.4 1.4l-1.6 1.7A5 5 0 0 1 3.3 9.5l1.6-1.6a1 1 0 1 1 1.4 1.4Zm7.4 1.4 1.6-1.6a3 3 0 0 0-4.2-4.3L9.5 6.5a1 1 0 1 1-1.4-1.4l1.6-1.7a5 5 0 0 1 7 7.1l-1.6 1.6a1 1 0 1 1-1.4-1.4Z" />
        </svg>
      );
    case "role":
      return (
        <svg {...common}>
          <path d="M10 1 3 4v5c0 4.4 3 8.5 7 10 4-1.5 7-5.6 7-10V4l-7-3Zm-1 12.4-3.2-3.2 1.4-1.4L9 10.6l3.8-3.8 1.4 1.4L9 13.4Z" />
        </svg>
      );
    case "workload":
      return (
        <svg {...common}>
          <path d="M10 1 2 5v10l8 4 8-4V5l-8-4Zm0 2.2L15.5 6 10 8.8 4.5 6 10 3.2ZM4 7.6l5 2.5v6.6l-5-2.5V7.6Zm7 9.1v-6.6l5-2.5v6.6l-5 2.5Z" />
        </svg>
      );
    case "permission":
      return (
        <svg {...common}>
          <path d="M13 1a6 6 0 0 0-5.7 7.9L1.3 14.9a1 1 0 0 0-.3.7V18a1 1 0 0 0 1 1h2.5a1 1 0 0 0 1-1v-1h1a1 1 0 0 0 1-1v-1h1a1 1 0 0 0 .7-.3l1-1A6 6 0 1 0 13 1Zm1.5 3a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3Z" />
        </svg>
      );
    case "collapsed":
      return (
        <svg {...common}>
          <path d="M10 3a1 1 0 0 1 1 1v5h5a1 1 0 1 1 0 2h-5v5a1 1 0 1 1-2 0v-5H4a1 1 0 1 1 0-2h5V4a1 1 0 0 1 1-1Z" />
        </svg>
      );
  }
}
