import { FRAMEWORK_DEFINITIONS } from "@/lib/controls/frameworks";

const ORDER = new Map(FRAMEWORK_DEFINITIONS.map((f, i) => [f.id, i]));
const NAMES = new Map(FRAMEWORK_DEFINITIONS.map((f) => [f.id, f.name]));

/** Framework ids with display names, in the library's order (unknown ids last, by id). */
export function describeFrameworks(ids: Iterable<string>): { id: string; name: string }[] {
  return [...new Set(ids)]
    .map((id) => ({ id, name: NAMES.get(id) ?? id }))
    .sort((a, b) => (ORDER.get(a.id) ?? 999) - (ORDER.get(b.id) ?? 999) || a.id.localeCompare(b.id));
}
