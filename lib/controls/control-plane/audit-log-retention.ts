// The three rotation settings of the API server's file audit log share one rule: set, an integer,
// and at least the configured minimum. Zero is a deliberate "no limit" (lumberjack keeps every file
// when maxage/maxbackup are 0 and rotates at its 100 MB default when maxsize is 0), so it satisfies them.
import type { Violation } from "../../engine/types";
import { flagFinding } from "./flag-findings";
import { lastFlag, type ComponentInstance } from "./static-pod-flags";

export function requireAuditRetention(instance: ComponentInstance, name: string, minimum: number, unit: string, why: string): Violation[] {
  const occurrence = lastFlag(instance, name);
  const fix = `--${name}=${minimum}`;
  if (!occurrence) return [flagFinding(instance, undefined, `--${name} is not set; ${why}`, fix)];
  const text = occurrence.value.trim();
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (Number.isNaN(value)) return [flagFinding(instance, occurrence, `--${name} is "${occurrence.value}", not a whole number`, fix)];
  if (value === 0 || value >= minimum) return [];
  return [flagFinding(instance, occurrence, `--${name} is ${value} ${unit}, below the minimum of ${minimum}; ${why}`, fix)];
}
