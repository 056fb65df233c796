import { AppError } from "@/lib/api/errors";

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 } as const;
export const DEFAULT_SINCE = "7d";

/** `7d`, `24h`, `90m`, `2w` back from `now`, or an ISO date-time; a clear error otherwise. */
export function parseSince(since: string | undefined, now: Date = new Date()): Date {
  const value = (since ?? DEFAULT_SINCE).trim();
  const duration = /^(\d{1,5})([mhdw])$/.exec(value);
  if (duration) return new Date(now.getTime() - Number(duration[1]) * UNIT_MS[duration[2] as keyof typeof UNIT_MS]);
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) {
    const at = new Date(value);
    if (!Number.isNaN(at.getTime())) {
      if (at.getTime() > now.getTime()) throw new AppError("validation_failed", `since: ${value} is in the future.`);
      return at;
    }
  }
  throw new AppError("validation_failed", `since: "${value}" is neither a duration like 7d, 24h, 90m, 2w nor an ISO date-time.`);
}
