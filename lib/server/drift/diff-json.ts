// A structural diff of two JSON values with paths in the engine's notation
// (`spec.template.spec.containers[0].image`). Values the agent redacted (Secret values, literal
// credentials) are markers, not data: changes involving them are left out.
import { CREDENTIAL_MARKER, SECRET_VALUE_MARKER_PREFIX } from "@/lib/snapshot/credential-detection";

export type JsonChange = { path: string; op: "added" | "removed" | "changed"; from?: unknown; to?: unknown };

const MAX_CHANGES = 200;

function isRedactionMarker(value: unknown): boolean {
  return typeof value === "string" && (value === CREDENTIAL_MARKER || value.startsWith(SECRET_VALUE_MARKER_PREFIX));
}

function containsMarker(value: unknown): boolean {
  if (isRedactionMarker(value)) return true;
  if (Array.isArray(value)) return value.some(containsMarker);
  if (value && typeof value === "object") return Object.values(value).some(containsMarker);
  return false;
}

function join(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  return /^[A-Za-z_$][\w$-]*$/.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === "object" && !Array.isArray(value);
}

/** Changes that turn `before` into `after` (at most 200; redacted values excluded). */
export function diffJson(before: unknown, after: unknown): JsonChange[] {
  const changes: JsonChange[] = [];
  const walk = (a: unknown, b: unknown, path: string) => {
    if (changes.length >= MAX_CHANGES) return;
    if (isObject(a) && isObject(b)) {
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) walk(a[key], b[key], join(path, key));
      return;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      for (let i = 0; i < Math.max(a.length, b.length); i++) walk(a[i], b[i], join(path, i));
      return;
    }
    if (JSON.stringify(a) === JSON.stringify(b)) return;
    if (containsMarker(a) || containsMarker(b)) return;
    if (a === undefined) changes.push({ path, op: "added", to: b });
    else if (b === undefined) changes.push({ path, op: "removed", from: a });
    else changes.push({ path, op: "changed", from: a, to: b });
  };
  walk(before, after, "");
  return changes;
}
