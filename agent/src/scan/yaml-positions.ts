// Node lines of a read YAML document, and strings detached from the text they were cut from.
// Kept apart from the loader so the path locator can use them without the `yaml` parse.
import { isMap, isScalar, isSeq, YAMLMap, YAMLSeq, type Document } from "yaml";

/**
 * The string without the file's text behind it. V8 makes a slice of 13 or more characters a view of
 * the text it was cut from, so one kept value would keep its whole file in memory; concatenations
 * (block scalars) are trees of such views. Flattening `" " + s` copies the characters once.
 */
export function detached(s: string): string {
  return s.length < 13 ? s : (" " + s).slice(1);
}

const SCALAR = 1;
const MAP = 2;
const SEQ = 3;
/** The key of a map entry whose key is not a scalar: no path segment equals it. */
const COLLECTION_KEY = Symbol("collection key");

class Unsupported extends Error {}

/**
 * The lines of one document's nodes in two flat arrays, pre-order over the `yaml` nodes, so a finding
 * is located without keeping the parsed document or parsing it again: for every node its line, its
 * shape (scalar, map, sequence, or none: an alias or a pair outside a map, which `getIn` does not
 * treat as a node) and the size of its subtree; for every map entry its key.
 */
export class NodeLines {
  private constructor(
    /** [line, size << 2 | shape] per node. */
    private readonly nodes: Int32Array,
    /** The key of each node in its parent map (a scalar key's value). */
    private readonly keys: unknown[],
  ) {}

  /**
   * The node lines of a parsed document (`lineAt`: an offset's 1-based line; `intern`: one copy of
   * each key), or undefined when a collection's `get` differs from a plain map or sequence (!!set,
   * !!omap, !!pairs).
   */
  static of(doc: Document.Parsed, lineAt: (offset: number) => number, intern: (key: string) => string): NodeLines | undefined {
    const nodes: number[] = [];
    const keys: unknown[] = [];
    const add = (node: unknown, key: unknown): void => {
      const at = nodes.length;
      nodes.push(0, 0);
      keys.push(key);
      let shape = 0;
      if (isScalar(node)) shape = SCALAR;
      else if (isMap(node)) {
        if (node.constructor !== YAMLMap) throw new Unsupported();
        shape = MAP;
        for (const pair of node.items) {
          const k = isScalar(pair.key) ? pair.key.value : COLLECTION_KEY;
          add(pair.value, typeof k === "string" ? intern(k) : k);
        }
      } else if (isSeq(node)) {
        if (node.constructor !== YAMLSeq) throw new Unsupported();
        shape = SEQ;
        for (const item of node.items) add(item, undefined);
      }
      if (shape !== 0 && !(node as { range?: unknown }).range) throw new Unsupported();
      const size = (nodes.length - at) / 2;
      nodes[at] = shape === 0 ? 0 : lineAt((node as { range: [number] }).range[0]);
      nodes[at + 1] = (size << 2) | shape;
    };
    try {
      add(doc.contents, undefined);
    } catch (error) {
      if (error instanceof Unsupported) return undefined;
      throw error;
    }
    return new NodeLines(Int32Array.from(nodes), keys);
  }

  /** The line of the node at `segments`, as `Document.getIn(segments, true)` finds it, if it is a node. */
  lineAt(segments: readonly (string | number)[]): number | undefined {
    const { nodes, keys } = this;
    let at = 0;
    for (const segment of segments) {
      const shape = nodes[at * 2 + 1] & 3;
      const end = at + (nodes[at * 2 + 1] >> 2);
      let child = at + 1;
      if (shape === MAP) {
        // YAMLMap.get: the first entry whose key (a scalar's value) is the segment.
        while (child < end && keys[child] !== segment) child += nodes[child * 2 + 1] >> 2;
      } else if (shape === SEQ) {
        // YAMLSeq.get: a non-negative integer, or a string that is one.
        const index = typeof segment === "string" && segment ? Number(segment) : segment;
        if (typeof index !== "number" || !Number.isInteger(index) || index < 0) return undefined;
        for (let i = 0; i < index && child < end; i++) child += nodes[child * 2 + 1] >> 2;
      } else return undefined;
      if (child >= end) return undefined;
      at = child;
    }
    return (nodes[at * 2 + 1] & 3) === 0 ? undefined : nodes[at * 2];
  }
}
