// Node positions of a read YAML document, and strings detached from the text they were cut from.
// Kept apart from the loader so the path locator can use them without the `yaml` parse.

/** Positions of one node, shaped like the `yaml` nodes `Document.getIn` walks. */
export type PositionNode =
  | { kind: "map"; line: number; keys: unknown[]; values: PositionNode[] }
  | { kind: "seq"; line: number; items: PositionNode[] }
  | { kind: "scalar"; line: number };

/**
 * The string without the file's text behind it. V8 makes a slice of 13 or more characters a view of
 * the text it was cut from, so one kept value would keep its whole file in memory; concatenations
 * (block scalars) are trees of such views. Flattening `" " + s` copies the characters once.
 */
export function detached(s: string): string {
  return s.length < 13 ? s : (" " + s).slice(1);
}

/** `Document.getIn(path, true)` over a position tree: the node at the path, if any. */
export function positionAt(root: PositionNode | undefined, segments: (string | number)[]): PositionNode | undefined {
  let node = root;
  for (const segment of segments) {
    if (!node) return undefined;
    if (node.kind === "map") {
      const i = node.keys.indexOf(segment);
      node = i === -1 ? undefined : node.values[i];
    } else if (node.kind === "seq") {
      let index: unknown = segment;
      if (index && typeof index === "string") index = Number(index);
      node = typeof index === "number" && Number.isInteger(index) && index >= 0 ? node.items[index] : undefined;
    } else return undefined;
  }
  return node;
}
