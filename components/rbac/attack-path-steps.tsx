// An attack path as a chain of steps: exposed/privileged workload → its mounted service-account
// token → the permission it carries → what an attacker gains.
import { Fragment } from "react";
import { cn } from "@/components/ui/cn";
import type { AttackPathData } from "@/lib/queries/rbac";
import { SEVERITY_STYLE, SeverityIcon } from "./severity";

const STEP_TITLE: Record<AttackPathData["steps"][number]["kind"], string> = {
  entry: "Entry",
  workload: "Workload",
  "service-account": "Token",
  permission: "Permission",
  impact: "Impact",
};

export function AttackPathSteps({ path }: { path: AttackPathData }) {
  return (
    <ol className="flex flex-wrap items-stretch gap-1.5" aria-label="Attack path steps">
      {path.steps.map((step, i) => (
        <Fragment key={i}>
          {i > 0 && (
            <li aria-hidden className="flex items-center text-zinc-400">
              →
            </li>
          )}
          <li
            className={cn(
              "min-w-[8rem] max-w-[14rem] flex-1 rounded-md border px-2 py-1.5 text-xs",
              step.kind === "impact" ? cn(SEVERITY_STYLE[path.severity].border, SEVERITY_STYLE[path.severity].fill) : "border-zinc-200 bg-white",
            )}
          >
            <div className="flex items-center gap-1 text-[10px] font-semibold uppercase tracking-wide text-zinc-500">
              {step.kind === "impact" && <SeverityIcon severity={path.severity} />}
              {STEP_TITLE[step.kind]}
              {step.kind === "entry" && <span className="font-normal normal-case">({path.entry.kinds.join(" + ")})</span>}
            </div>
            <div className="mt-0.5 break-words text-zinc-800">{step.label}</div>
          </li>
        </Fragment>
      ))}
    </ol>
  );
}
