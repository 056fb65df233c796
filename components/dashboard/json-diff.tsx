import type { JsonChange } from "@/lib/server/drift/diff-json";

function show(value: unknown): string {
  if (value === undefined) return "";
  const s = typeof value === "string" ? value : JSON.stringify(value);
  return s.length > 160 ? `${s.slice(0, 160)}…` : s;
}

/** A readable structural diff: one line per changed path, with − before and + after (text marks, not only colour). */
export function JsonDiff({ changes }: { changes: JsonChange[] }) {
  if (!changes.length) return <p className="text-xs text-zinc-500">Only redacted values changed (Secret data is never shown).</p>;
  return (
    <ul className="space-y-1 font-mono text-[11px]">
      {changes.map((c, i) => (
        <li key={`${c.path}-${i}`} className="rounded bg-zinc-50 px-2 py-1">
          <div className="text-zinc-700">
            <span className="mr-1 rounded bg-zinc-200 px-1 text-[10px] text-zinc-700 uppercase">{c.op}</span>
            {c.path || "(whole object)"}
          </div>
          {c.op !== "added" && (
            <div className="text-red-800 [overflow-wrap:anywhere]">
              <span aria-hidden>− </span>
              <span className="sr-only">before: </span>
              {show(c.from)}
            </div>
          )}
          {c.op !== "removed" && (
            <div className="text-emerald-800 [overflow-wrap:anywhere]">
              <span aria-hidden>+ </span>
              <span className="sr-only">after: </span>
              {show(c.to)}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
