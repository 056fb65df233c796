// Builds findings about control-plane flags: the path of the argument at fault and, where a simple
// edit fixes it, the argument to write (replacing the faulty one, or appended when the flag is missing).
import type { FixPath, Violation } from "../../engine/types";
import { lastFlag, parseGoBool, type ComponentInstance, type FlagOccurrence } from "./static-pod-flags";

/**
 * A finding about one flag. With an occurrence, points at its argument (and proposes `fix` in its
 * place when the argument holds only that flag); without one, proposes appending `fix`.
 * `appendIndex` separates several flags appended by one finding.
 */
export function flagFinding(
  instance: ComponentInstance,
  occurrence: FlagOccurrence | undefined,
  message: string,
  fix?: string,
  appendIndex = 0,
): Violation {
  const fixPaths: FixPath[] = [];
  if (fix !== undefined) {
    if (occurrence) {
      if (occurrence.standalone) fixPaths.push({ path: occurrence.path, value: fix });
    } else {
      const path = instance.appendPath(appendIndex);
      if (path) fixPaths.push({ path, value: fix });
    }
  }
  return {
    message: `${instance.component} (${instance.where}): ${message}`,
    ...(occurrence ? { paths: [occurrence.path] } : {}),
    ...(fixPaths.length ? { fixPaths } : {}),
  };
}

/** Fails when a flag that names a file or value is absent or empty. */
export function requireFlag(instance: ComponentInstance, name: string, placeholder: string, why: string, appendIndex = 0): Violation[] {
  const occurrence = lastFlag(instance, name);
  if (occurrence && occurrence.value.trim() !== "") return [];
  const message = occurrence ? `--${name} is empty; ${why}` : `--${name} is not set; ${why}`;
  return [flagFinding(instance, occurrence, message, `--${name}=${placeholder}`, appendIndex)];
}

/** Fails when a flag is present at all. */
export function forbidFlag(instance: ComponentInstance, name: string, why: string): Violation[] {
  return instance.occurrences
    .filter((o) => o.name === name)
    .map((o) => flagFinding(instance, o, `--${name} is set (${o.value}); ${why}`));
}

/**
 * Fails unless a boolean flag's effective value (the component's default when absent) is `wanted`.
 * A value that is not a boolean fails too: the component would refuse to start or we cannot tell.
 */
export function requireBoolean(
  instance: ComponentInstance,
  name: string,
  wanted: boolean,
  defaultValue: boolean,
  why: string,
): Violation[] {
  const occurrence = lastFlag(instance, name);
  const fix = `--${name}=${wanted}`;
  if (!occurrence) {
    return defaultValue === wanted ? [] : [flagFinding(instance, undefined, `--${name} is not set and defaults to ${defaultValue}; ${why}`, fix)];
  }
  const value = parseGoBool(occurrence.value);
  if (value === wanted) return [];
  const shown = value === undefined ? `"${occurrence.value}", not a boolean` : String(value);
  return [flagFinding(instance, occurrence, `--${name} is ${shown}; ${why}`, fix)];
}
