"use client";

import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type TrendPoint = { day: string; score: number | null; clusters?: number };

function summary(points: TrendPoint[], name: string): string {
  const scored = points.filter((p) => p.score !== null);
  if (!scored.length) return `${name}: no score in this period`;
  const first = scored[0];
  const last = scored[scored.length - 1];
  return `${name} went from ${first.score}% on ${first.day} to ${last.score}% on ${last.day}`;
}

const dayLabel = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString("en", { month: "short", day: "numeric", timeZone: "UTC" });

/** A score (0–100) per day as an area chart. Data in, no fetching; the figure's label states the change for screen readers. */
export function FleetTrendChart({ points, name, height = 220, color = "#4f46e5" }: { points: TrendPoint[]; name: string; height?: number; color?: string }) {
  const scores = points.map((p) => p.score).filter((s): s is number => s !== null);
  // Zoomed to the data: fleet scores move by a point or two, which a 0–100 axis would flatten.
  const min = scores.length ? Math.max(0, Math.floor(Math.min(...scores) - 3)) : 0;
  const max = scores.length ? Math.min(100, Math.ceil(Math.max(...scores) + 3)) : 100;
  return (
    <figure role="img" aria-label={summary(points, name)} className="m-0">
      <ResponsiveContainer width="100%" height={height}>
        <AreaChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
          <defs>
            <linearGradient id="trend-fill" x1="0" y1="0" x2="0" y2="1">
              <stop offset="0%" stopColor={color} stopOpacity={0.18} />
              <stop offset="100%" stopColor={color} stopOpacity={0.02} />
            </linearGradient>
          </defs>
          <CartesianGrid stroke="#f4f4f5" vertical={false} />
          <XAxis dataKey="day" tickFormatter={dayLabel} tick={{ fontSize: 11, fill: "#71717a" }} stroke="#e4e4e7" minTickGap={24} />
          <YAxis domain={[min, max]} tick={{ fontSize: 11, fill: "#71717a" }} stroke="#e4e4e7" unit="%" allowDecimals={false} />
          <Tooltip
            labelFormatter={(d) => dayLabel(String(d))}
            formatter={(v, _n, item) => {
              const clusters = (item?.payload as TrendPoint | undefined)?.clusters;
              return [typeof v === "number" ? `${v.toFixed(1)}%${clusters !== undefined ? ` (${clusters} cluster${clusters === 1 ? "" : "s"})` : ""}` : "—", name];
            }}
            contentStyle={{ fontSize: 12, borderRadius: 6 }}
          />
          <Area type="monotone" dataKey="score" name={name} stroke={color} strokeWidth={1.8} fill="url(#trend-fill)" connectNulls isAnimationActive={false} dot={false} />
        </AreaChart>
      </ResponsiveContainer>
    </figure>
  );
}
