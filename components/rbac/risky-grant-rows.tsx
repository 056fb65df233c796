// A compact list of risky grants with their paths (drift views): severity, rule, subject, and why.
import Link from "next/link";
import type { ReactNode } from "react";
import type { RiskyGrantRowData } from "@/lib/queries/rbac";
import { GrantPath } from "./grant-path";
import { SeverityBadge } from "./severity";
import { SubjectLabel } from "./subject-label";

export function RiskyGrantRows({
  rows,
  subjectHref,
  aside,
  testId,
}: {
  rows: (RiskyGrantRowData & { clusterId?: string })[];
  subjectHref: (row: RiskyGrantRowData & { clusterId?: string }) => string;
  aside?: (row: RiskyGrantRowData & { clusterId?: string }) => ReactNode;
  testId?: string;
}) {
  return (
    <ul className="divide-y divide-zinc-100" data-testid={testId}>
      {rows.map((row) => (
        <li key={`${row.clusterId ?? ""}|${row.id}`} className="space-y-1.5 px-4 py-2.5">
          <div className="flex flex-wrap items-center gap-2">
            <SeverityBadge severity={row.severity} />
            <span className="text-sm font-medium text-zinc-900">{row.title}</span>
            <span className="font-mono text-xs text-zinc-400">{row.ruleId}</span>
            <Link href={subjectHref(row)} className="hover:underline">
              <SubjectLabel subject={row.subject} />
            </Link>
            {aside && <span className="ml-auto">{aside(row)}</span>}
          </div>
          <div className="space-y-1 border-l-2 border-zinc-200 pl-3">
            {row.grants.map((g, i) => (
              <GrantPath key={i} grant={g} />
            ))}
          </div>
        </li>
      ))}
    </ul>
  );
}
