"use client";

import { useMemo, useState, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** A column is configuration: `value` drives sorting and CSV export, `render` the cell. */
export type Column<Row> = {
  id: string;
  label: string;
  value: (row: Row) => string | number | null | undefined;
  render?: (row: Row) => ReactNode;
  align?: "left" | "right";
  sortable?: boolean;
  className?: string;
};

type Sort = { id: string; dir: "asc" | "desc" } | null;

function compare(a: string | number | null | undefined, b: string | number | null | undefined): number {
  // Missing values sort last in both directions' natural reading.
  if (a === null || a === undefined || a === "") return b === null || b === undefined || b === "" ? 0 : 1;
  if (b === null || b === undefined || b === "") return -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true, sensitivity: "base" });
}

function csvEscape(value: string | number | null | undefined): string {
  const s = value === null || value === undefined ? "" : String(value);
  // Leading =,+,-,@ would be evaluated as formulas by spreadsheet apps.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv<Row>(columns: Column<Row>[], rows: Row[]): string {
  const header = columns.map((c) => csvEscape(c.label)).join(",");
  const lines = rows.map((row) => columns.map((c) => csvEscape(c.value(row))).join(","));
  return [header, ...lines].join("\n") + "\n";
}

export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  initialSort = null,
  csvFileName,
  empty,
  caption,
  rowTestId,
  toolbar,
}: {
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  initialSort?: Sort;
  csvFileName?: string;
  empty?: ReactNode;
  caption?: string;
  rowTestId?: (row: Row) => string;
  /** Filters and counts shown above the table, beside the CSV export. */
  toolbar?: ReactNode;
}) {
  const [sort, setSort] = useState<Sort>(initialSort);
  const sorted = useMemo(() => {
    if (!sort) return rows;
    const column = columns.find((c) => c.id === sort.id);
    if (!column) return rows;
    const out = [...rows].sort((a, b) => compare(column.value(a), column.value(b)));
    return sort.dir === "desc" ? out.reverse() : out;
  }, [rows, columns, sort]);

  function toggle(id: string) {
    setSort((s) => (s?.id === id ? (s.dir === "asc" ? { id, dir: "desc" } : null) : { id, dir: "asc" }));
  }

  function exportCsv() {
    const blob = new Blob([toCsv(columns, sorted)], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = csvFileName ?? "export.csv";
    a.click();
    URL.revokeObjectURL(url);
  }

  const bar = (toolbar || csvFileName) && (
    <div className="flex flex-wrap items-center gap-2 border-b border-zinc-200 px-4 py-2.5">
      {toolbar}
      {csvFileName && rows.length > 0 && (
        <button type="button" onClick={exportCsv} className="ml-auto text-xs font-medium text-zinc-500 hover:text-zinc-800">
          Export CSV
        </button>
      )}
    </div>
  );

  if (rows.length === 0 && empty) {
    return (
      <>
        {bar}
        {empty}
      </>
    );
  }

  return (
    <div>
      {bar}
      <div className="overflow-x-auto">
        <table className="min-w-full text-sm">
          {caption && <caption className="sr-only">{caption}</caption>}
          <thead>
            <tr className="border-b border-zinc-200 bg-zinc-50/60">
              {columns.map((c) => {
                const active = sort?.id === c.id;
                const sortable = c.sortable !== false;
                return (
                  <th
                    key={c.id}
                    scope="col"
                    aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : undefined}
                    className={cn("px-4 py-2 text-xs font-medium whitespace-nowrap text-zinc-500", c.align === "right" ? "text-right" : "text-left", c.className)}
                  >
                    {sortable ? (
                      <button type="button" onClick={() => toggle(c.id)} className="inline-flex items-center gap-1 hover:text-zinc-800">
                        {c.label}
                        <span className={cn("text-[10px]", active ? "text-zinc-700" : "text-transparent")} aria-hidden>
                          {active && sort.dir === "desc" ? "▼" : "▲"}
                        </span>
                      </button>
                    ) : (
                      c.label
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {sorted.map((row) => (
              <tr key={rowKey(row)} data-testid={rowTestId?.(row)} className="hover:bg-zinc-50/80">
                {columns.map((c) => (
                  <td key={c.id} className={cn("px-4 py-2 align-middle whitespace-nowrap", c.align === "right" ? "text-right tabular-nums" : "text-left", c.className)}>
                    {c.render ? c.render(row) : (c.value(row) ?? <span className="text-zinc-400">—</span>)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
