import { FRAMEWORK_DEFINITIONS } from "@/lib/controls/frameworks";

const ORDER = new Map(FRAMEWORK_DEFINITIONS.map((f, i) => [f.id, i]));
const NAMES = new Map(FRAMEWORK_DEFINITIONS.map((f) => [f.id, f.name]));

/** A compact label for table headers: "CIS Amazon EKS Benchmark" → "CIS Amazon EKS". */
export function shortFrameworkName(name: string): string {
  const short = name
    .replace(/^Pod Security Standards\s*[—-]\s*/, "PSS ")
    .replace(/\s+(Kubernetes\s+)?(Hardening Guide|Benchmark)$/, "")
    .replace(/\s+for Containers$/, "")
    .replace(/\s+Kubernetes$/, "")
    .trim();
  return short || name;
}

export type FrameworkLabel = { id: string; name: string; shortName: string };

/** Framework ids with display names, in the library's order (unknown ids last, by id). */
export function describeFrameworks(ids: Iterable<string>): FrameworkLabel[] {
  return [...new Set(ids)]
    .map((id) => {
      const name = NAMES.get(id) ?? id;
      return { id, name, shortName: shortFrameworkName(name) };
    })
    .sort((a, b) => (ORDER.get(a.id) ?? 999) - (ORDER.get(b.id) ?? 999) || a.id.localeCompare(b.id));
}
