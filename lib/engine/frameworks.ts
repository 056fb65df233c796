// Frameworks are data: an id, a version, and the rule that selects controls (by their refs),
// with optional explicit additions/exclusions. Each entry can carry the framework's own reference
// (a CIS section, a PSS control name) shown next to our control.
import type { Control, ControlRefs } from "./types";

export interface FrameworkEntry {
  controlId: string;
  /** The framework's own identifier for the item (CIS "5.2.2", PSS "restricted:runAsNonRoot"). */
  ref?: string;
}

export interface FrameworkDefinition {
  id: string;
  name: string;
  version: string;
  description: string;
  /** The refs key whose presence puts a control in this framework (absent = every control). */
  refsKey?: keyof ControlRefs;
  /** Further filter on the refs values (e.g. PSS level). Returns the entry's ref or false. */
  selectRef?: (values: string[]) => string | false;
  include?: string[];
  exclude?: string[];
}

export interface Framework {
  id: string;
  name: string;
  version: string;
  description: string;
  entries: FrameworkEntry[];
}

function compareRefs(a: string | undefined, b: string | undefined): number {
  return (a ?? "").localeCompare(b ?? "", undefined, { numeric: true });
}

/** Resolves a framework definition against the control library. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function resolveFramework(def: FrameworkDefinition, controls: readonly Control<any>[]): Framework {
  const entries: FrameworkEntry[] = [];
  const exclude = new Set(def.exclude ?? []);
  const include = new Set(def.include ?? []);
  for (const control of controls) {
    if (exclude.has(control.id)) continue;
    if (!def.refsKey) {
      entries.push({ controlId: control.id });
      continue;
    }
    const values = control.refs[def.refsKey] ?? [];
    if (values.length) {
      const ref = def.selectRef ? def.selectRef(values) : values[0];
      if (ref !== false) {
        entries.push({ controlId: control.id, ref });
        continue;
      }
    }
    if (include.has(control.id)) entries.push({ controlId: control.id });
  }
  entries.sort((a, b) => compareRefs(a.ref, b.ref) || a.controlId.localeCompare(b.controlId));
  return { id: def.id, name: def.name, version: def.version, description: def.description, entries };
}
