"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type PassRatePoint = { day: string; passRate: number | null; failed: number; excepted: number; clustersFailing: number };

const dayLabel = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString("en", { month: "short", day: "numeric", timeZone: "UTC" });

/** A control's fleet pass rate per day. Data in, no fetching; the figure's label states the change. */
export function PassRateChart({ points, height = 200 }: { points: PassRatePoint[]; height?: number }) {
  const scored = points.filter((p) => p.passRate !== null);
  const label = scored.length
    ? `Pass rate went from ${scored[0].passRate}% on ${scored[0].day} to ${scored[scored.length - 1].passRate}% on ${scored[scored.length - 1].day}`
    : "No pass rate in this period";
  const rates = scored.map((p) => p.passRate as number);
  const min = rates.length ? Math.max(0, Math.floor(Math.min(...rates) - 5)) : 0;
  return (
    <figure role="img" aria-label={label} className="m-0">
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
          <CartesianGrid stroke="#f4f4f5" vertical={false} />
          <XAxis dataKey="day" tickFormatter={dayLabel} tick={{ fontSize: 11, fill: "#71717a" }} stroke="#e4e4e7" minTickGap={24} />
          <YAxis domain={[min, 100]} tick={{ fontSize: 11, fill: "#71717a" }} stroke="#e4e4e7" unit="%" allowDecimals={false} />
          <Tooltip
            labelFormatter={(d) => dayLabel(String(d))}
            formatter={(v, _n, item) => {
              const p = item?.payload as PassRatePoint | undefined;
              return [typeof v === "number" ? `${v.toFixed(1)}% · ${p?.failed ?? 0} failing, ${p?.excepted ?? 0} excepted, ${p?.clustersFailing ?? 0} cluster(s) failing` : "—", "Pass rate"];
            }}
            contentStyle={{ fontSize: 12, borderRadius: 6 }}
          />
          <Line type="stepAfter" dataKey="passRate" name="Pass rate" stroke="#059669" strokeWidth={1.8} dot={false} connectNulls isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
