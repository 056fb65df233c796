// `JSON.stringify(value, null, 2)` written in pieces, so a report with 100k findings is never one
// 100+ MB string: arrays wrapped in `StreamedArray` are produced and serialized one item at a time.

/**
 * An array serialized item by item; `map` builds each item just before it is written. Items are plain
 * JSON data (no StreamedArray inside).
 */
export class StreamedArray<T, U = T> {
  constructor(
    readonly items: Iterable<T>,
    readonly map: (item: T) => U = (item) => item as unknown as U,
  ) {}
}

function containsStream(value: unknown): boolean {
  if (value instanceof StreamedArray) return true;
  if (!value || typeof value !== "object") return false;
  for (const child of Array.isArray(value) ? value : Object.values(value)) if (containsStream(child)) return true;
  return false;
}

/** JSON.stringify with a 2-space gap, for a value nested at `indent`; undefined where JSON has no value. */
function stringifyAt(value: unknown, indent: string): string | undefined {
  if (value === undefined || typeof value === "function" || typeof value === "symbol") return undefined;
  // JSON.stringify indents nested values itself: wrapped in `depth` one-element arrays, the value comes
  // out at that depth, and cutting the arrays' brackets off is cheaper than re-indenting every line.
  const depth = indent.length / 2;
  let wrapped: unknown = value;
  for (let i = 0; i < depth; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  return depth === 0 ? text : text.slice(depth * depth + 3 * depth, text.length - depth * (depth + 1));
}

/** What JSON.stringify serializes for a value under `key`: its toJSON() when it has one. */
function resolve(value: unknown, key: string): unknown {
  const toJSON = value && (value as { toJSON?: unknown }).toJSON;
  return typeof toJSON === "function" ? toJSON.call(value, key) : value;
}

/** Yields exactly the text of `JSON.stringify(value, null, 2)` (StreamedArrays as arrays), in pieces. */
export function* jsonChunks(value: unknown, indent = ""): Generator<string> {
  if (!containsStream(value)) {
    yield stringifyAt(value, indent) ?? "null";
    return;
  }
  const inner = `${indent}  `;
  if (value instanceof StreamedArray) {
    let index = 0;
    for (const item of value.items) {
      yield `${index === 0 ? "[" : ","}\n${inner}`;
      yield stringifyAt(resolve(value.map(item), String(index++)), inner) ?? "null";
    }
    yield index === 0 ? "[]" : `\n${indent}]`;
    return;
  }
  if (Array.isArray(value)) {
    let index = 0;
    for (const item of value) {
      yield `${index === 0 ? "[" : ","}\n${inner}`;
      yield* jsonChunks(resolve(item, String(index++)), inner);
    }
    yield index === 0 ? "[]" : `\n${indent}]`;
    return;
  }
  let first = true;
  for (const [name, child] of Object.entries(value as Record<string, unknown>)) {
    const resolved = resolve(child, name);
    if (resolved === undefined || typeof resolved === "function" || typeof resolved === "symbol") continue;
    yield `${first ? "{\n" : ",\n"}${inner}${JSON.stringify(name)}: `;
    yield* jsonChunks(resolved, inner);
    first = false;
  }
  yield first ? "{}" : `\n${indent}}`;
}
