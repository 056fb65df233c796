"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type ScoreHistoryPoint = { at: string; scores: Record<string, number | null> };

const COLORS = ["#4f46e5", "#0891b2", "#d97706", "#059669", "#db2777"];

/** Compliance score over time, one line per framework. Data in, no fetching. */
export function ScoreHistoryChart({ points, frameworks, height = 220, zoom = false }: { points: ScoreHistoryPoint[]; frameworks: { id: string; name: string }[]; height?: number; zoom?: boolean }) {
  const data = [...points]
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((p) => ({ t: new Date(p.at).getTime(), ...Object.fromEntries(frameworks.map((f) => [f.id, p.scores[f.id] ?? null])) }));
  // `zoom` fits the axis to the data: scores that move by a point or two look flat on 0–100.
  const values = data.flatMap((d) => frameworks.map((f) => (d as Record<string, number | null>)[f.id])).filter((v): v is number => typeof v === "number");
  const domain: [number, number] = zoom && values.length ? [Math.max(0, Math.floor(Math.min(...values) - 3)), Math.min(100, Math.ceil(Math.max(...values) + 3))] : [0, 100];
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
        <CartesianGrid stroke="#f4f4f5" vertical={false} />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={["dataMin", "dataMax"]}
          tickFormatter={(t: number) => new Date(t).toLocaleDateString("en", { month: "short", day: "numeric" })}
          tick={{ fontSize: 11, fill: "#71717a" }}
          stroke="#e4e4e7"
        />
        <YAxis domain={domain} allowDecimals={false} tick={{ fontSize: 11, fill: "#71717a" }} stroke="#e4e4e7" unit="%" />
        <Tooltip
          labelFormatter={(t) => new Date(Number(t)).toLocaleString("en", { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" })}
          formatter={(v) => (typeof v === "number" ? `${v.toFixed(1)}%` : "—")}
          contentStyle={{ fontSize: 12, borderRadius: 6 }}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {frameworks.map((f, i) => (
          <Line key={f.id} type="monotone" dataKey={f.id} name={f.name} stroke={COLORS[i % COLORS.length]} strokeWidth={1.8} dot={false} connectNulls isAnimationActive={false} />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
