// NodeLines (agent/src/scan/yaml-positions.ts): the node lines of a parsed document kept in flat
// arrays so findings are located without a second parse. It must answer as `yaml`'s Document.getIn
// does: hand-derived cases first, then every node path of real manifests against getIn itself.
import fs from "node:fs";
import path from "node:path";
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document } from "yaml";
import { describe, expect, it } from "vitest";
import { detached, NodeLines } from "@/agent/src/scan/yaml-positions";

const ROOT = path.resolve(__dirname, "../../..");
const MANIFESTS = path.resolve(ROOT, "../shared/corpus/manifests");
const YAML_OPTIONS = { version: "1.1", uniqueKeys: false, prettyErrors: false } as const;

function parse(text: string): { docs: Document.Parsed[]; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { ...YAML_OPTIONS, lineCounter });
  return { docs: Array.isArray(docs) ? docs : [], lineCounter };
}

function nodeLines(text: string): NodeLines | undefined {
  const { docs, lineCounter } = parse(text);
  return NodeLines.of(docs[0], (offset) => lineCounter.linePos(offset).line, (key) => key);
}

/** Document.getIn(segments, true), as the path locator reads it: the line of a scalar, map or sequence. */
function getInLine(doc: Document.Parsed, lineCounter: LineCounter, segments: (string | number)[]): number | undefined {
  const node = doc.getIn(segments, true) as unknown;
  return node && (isScalar(node) || isMap(node) || isSeq(node)) && node.range ? lineCounter.linePos(node.range[0]).line : undefined;
}

describe("NodeLines", () => {
  it("places nodes where yaml does: collections at their first entry, empty values on their key's line", () => {
    const lines = nodeLines(
      [
        "# comment", // 1
        "kind: Pod", // 2
        "spec:", // 3
        "  # note", // 4
        "  containers:", // 5
        "  - name: a", // 6
        "    args: [x, {y: 1, z: 2}]", // 7
        "    env:", // 8
        "  - name: b", // 9
        "ports:", // 10
        "  80: http", // 11
        "  '443': https", // 12
        "",
      ].join("\n"),
    )!;
    expect(lines.lineAt(["kind"])).toBe(2);
    expect(lines.lineAt(["spec"])).toBe(5);
    expect(lines.lineAt(["spec", "containers"])).toBe(6);
    expect(lines.lineAt(["spec", "containers", 1, "name"])).toBe(9);
    expect(lines.lineAt(["spec", "containers", "0", "args", 1, "z"])).toBe(7);
    // YAML 1.1: the key y is the boolean true.
    expect(lines.lineAt(["spec", "containers", 0, "args", 1, "y"])).toBeUndefined();
    expect(lines.lineAt(["spec", "containers", 0, "args", 1, true as unknown as string])).toBe(7);
    expect(lines.lineAt(["spec", "containers", 0, "env"])).toBe(8);
    // Plain 80 is an integer key; '443' a string one.
    expect(lines.lineAt(["ports", 80])).toBe(11);
    expect(lines.lineAt(["ports", "80"])).toBeUndefined();
    expect(lines.lineAt(["ports", "443"])).toBe(12);
    expect(lines.lineAt(["spec", "missing"])).toBeUndefined();
    expect(lines.lineAt(["spec", "containers", 2])).toBeUndefined();
    expect(lines.lineAt(["kind", "deeper"])).toBeUndefined();
  });

  it("takes a repeated key's first entry and treats aliases as no node, as getIn does", () => {
    const lines = nodeLines(["a: 1", "b: &x {c: 2}", "a: 3", "d: *x", ""].join("\n"))!;
    expect(lines.lineAt(["a"])).toBe(1);
    expect(lines.lineAt(["b", "c"])).toBe(2);
    expect(lines.lineAt(["d"])).toBeUndefined();
    expect(lines.lineAt(["d", "c"])).toBeUndefined();
  });

  it("leaves documents with sets and ordered maps to a second parse", () => {
    expect(nodeLines("s: !!set {a, b}\n")).toBeUndefined();
    expect(nodeLines("o: !!omap [{a: 1}]\n")).toBeUndefined();
  });

  it("answers as Document.getIn on every node path of real manifests", () => {
    const helm = path.join(MANIFESTS, "helm-bench-10k");
    const files = [
      ...["deployment.json", "helm-output.yaml", "list-and-yaml11.yaml", "broken.yaml"].map((f) => path.join(ROOT, "tests/fixtures/manifests", f)),
      ...fs.readdirSync(path.join(MANIFESTS, "kube-prometheus")).filter((f) => f.endsWith(".yaml")).map((f) => path.join(MANIFESTS, "kube-prometheus", f)),
      ...fs.readFileSync(path.join(helm, "bench-1k.txt"), "utf8").split("\n").filter(Boolean).slice(0, 60).map((f) => path.join(helm, f)),
    ];
    let paths = 0;
    for (const file of files) {
      const { docs, lineCounter } = parse(fs.readFileSync(file, "utf8"));
      for (const doc of docs) {
        const lines = NodeLines.of(doc, (offset) => lineCounter.linePos(offset).line, (key) => key);
        expect(lines, file).toBeDefined();
        const visit = (value: unknown, segments: (string | number)[]): void => {
          paths++;
          expect(lines!.lineAt(segments), `${file} ${segments.join(".")}`).toBe(getInLine(doc, lineCounter, segments));
          if (Array.isArray(value)) {
            value.forEach((item, i) => visit(item, [...segments, i]));
            visit(undefined, [...segments, value.length]);
          } else if (value && typeof value === "object") {
            for (const [key, child] of Object.entries(value)) visit(child, [...segments, key]);
            visit(undefined, [...segments, "absent"]);
          }
        };
        const value = doc.errors.length ? doc.contents?.toJSON() : doc.toJS();
        if (value && typeof value === "object") for (const [key, child] of Object.entries(value)) visit(child, [key]);
      }
    }
    expect(paths).toBeGreaterThan(10_000);
  }, 120_000);
});

describe("detached", () => {
  it("keeps the characters", () => {
    const text = "x".repeat(100) + "a long value inside a file";
    expect(detached(text.slice(100))).toBe("a long value inside a file");
    expect(detached("short")).toBe("short");
  });
});
