import { ALL_CONTROLS, getControl } from "@/lib/controls";
import { getFramework } from "@/lib/controls/frameworks";
import type { ControlCategory, DataNeed, Severity } from "@/lib/engine/types";

export const SEVERITY_RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };

export type ControlFacts = { id: string; name: string; severity: Severity; category: ControlCategory; needs: DataNeed[]; manual: boolean };

/** Static facts of a control id; imported Kubescape results may carry ids the library does not know. */
export function controlFacts(id: string): ControlFacts {
  const c = getControl(id);
  if (!c) return { id, name: id, severity: "medium", category: "hygiene", needs: ["api"], manual: false };
  return { id: c.id, name: c.name, severity: c.severity, category: c.category, needs: c.needs, manual: !!c.manual };
}

/** Control id → the framework's own reference for it (CIS "5.2.2"…); every control for "all". */
export function frameworkMembers(frameworkId: string): Map<string, string | null> {
  const framework = getFramework(frameworkId);
  if (!framework) return new Map(ALL_CONTROLS.map((c) => [c.id, null]));
  return new Map(framework.entries.map((e) => [e.controlId, e.ref ?? null]));
}
