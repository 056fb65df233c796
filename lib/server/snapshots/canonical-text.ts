import { canonicalJson } from "@/lib/snapshot/canonical-json";

/**
 * canonicalJson(value), computed natively when it can be: a body whose objects all have their keys
 * in canonical order already (the agent uploads canonical JSON, and parsing keeps key order) has
 * JSON.stringify's output as its canonical text, which V8 writes ~3× faster than canonicalJson.
 * Anything else (unsorted keys, integer-like keys that V8 enumerates first, values JSON cannot
 * hold) takes canonicalJson itself, so the result is always identical to it.
 */
export function canonicalText(value: unknown): string {
  return isCanonicallyOrdered(value) ? JSON.stringify(value) : canonicalJson(value);
}

/** True when JSON.stringify(value) === canonicalJson(value) is certain: plain JSON data, sorted keys. */
function isCanonicallyOrdered(value: unknown): boolean {
  if (value === null) return true;
  switch (typeof value) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return Number.isFinite(value);
    case "object":
      break;
    default:
      return false;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!isCanonicallyOrdered(value[i])) return false;
    return true;
  }
  // Only plain objects: a Date or anything with toJSON serializes differently in the two.
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  for (let i = 0; i < keys.length; i++) {
    // canonicalJson sorts with the default comparator: UTF-16 code units, as `<` compares.
    if (i > 0 && !(keys[i - 1] < keys[i])) return false;
    if (!isCanonicallyOrdered(record[keys[i]])) return false;
  }
  return true;
}
