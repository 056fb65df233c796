import { cn } from "@/components/ui/cn";

export function scoreTone(score: number): "green" | "amber" | "red" {
  if (score >= 80) return "green";
  if (score >= 60) return "amber";
  return "red";
}

const TEXT = { green: "text-emerald-700", amber: "text-amber-700", red: "text-red-700" };
const BAR = { green: "bg-emerald-500", amber: "bg-amber-500", red: "bg-red-500" };

/** A compliance score (0–100) as a number with a thin bar; "—" when nothing was scored. */
export function ScoreCell({ score, className }: { score: number | null | undefined; className?: string }) {
  if (score === null || score === undefined) return <span className="text-zinc-400" title="Not scored">—</span>;
  const tone = scoreTone(score);
  return (
    <div className={cn("flex items-center gap-2", className)} title={`${score.toFixed(1)}% compliant`}>
      <span className={cn("w-10 text-right font-medium tabular-nums", TEXT[tone])}>{score.toFixed(0)}%</span>
      <span className="h-1.5 w-14 overflow-hidden rounded-full bg-zinc-100" aria-hidden>
        <span className={cn("block h-full rounded-full", BAR[tone])} style={{ width: `${Math.max(2, Math.min(100, score))}%` }} />
      </span>
    </div>
  );
}
