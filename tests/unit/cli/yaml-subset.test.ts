// The subset YAML reader (agent/src/scan/yaml-subset.ts) and the manifest loader built on it. The
// reference is the `yaml` package read as the loader always read manifests (YAML 1.1 schema, whole
// files, `toJS()`): hand-derived cases first, then real corpora and mutated documents, where whatever
// the subset accepts must read exactly as `yaml` reads it, lines and `# Source:` comments included.
import fs from "node:fs";
import path from "node:path";
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import { parseManifestText, type LoadResult } from "@/agent/src/scan/load-manifests";
import { PathLocator, pathSegments } from "@/agent/src/scan/path-locator";
import { positionAt, YamlSubsetFile } from "@/agent/src/scan/yaml-subset";

const ROOT = path.resolve(__dirname, "../../..");
const MANIFESTS = path.resolve(ROOT, "../shared/corpus/manifests");
const YAML_OPTIONS = { version: "1.1", uniqueKeys: false, prettyErrors: false } as const;

function read(text: string, positions = false) {
  return new YamlSubsetFile(text).read(0, text.length, 1, positions);
}

/** JSON that tells apart what JSON.stringify would merge: NaN/Infinity, undefined, own `__proto__`. */
function exact(value: unknown): string {
  return JSON.stringify(value, (_key, v) => {
    if (typeof v === "number" && !Number.isFinite(v)) return `number:${v}`;
    if (v === undefined) return "undefined";
    if (v && typeof v === "object" && !Array.isArray(v)) {
      if (Object.getPrototypeOf(v) !== Object.prototype) return { prototype: String(Object.getPrototypeOf(v)?.constructor?.name), ...v };
      if (Object.prototype.hasOwnProperty.call(v, "__proto__")) return { ownProto: exact(Object.getOwnPropertyDescriptor(v, "__proto__")!.value), ...v };
    }
    return v;
  });
}

describe("yaml subset: values", () => {
  it("resolves plain scalars with the YAML 1.1 types kubectl reads", () => {
    const doc = read("enabled: yes\ndisabled: off\nmode: 0644\nhex: 0x1F\nfloat: 1e3\nsigned: -12\nplain: yes please\ntilde: ~\nempty:\n'yes': quoted key\n");
    expect(doc?.value).toEqual({
      enabled: true,
      disabled: false,
      mode: 420,
      hex: 31,
      float: 1000,
      signed: -12,
      plain: "yes please",
      tilde: null,
      empty: null,
      yes: "quoted key",
    });
    // A plain key is resolved too: `on` is true, so the JS key is "true".
    expect(read("on: push\n")?.value).toEqual({ true: "push" });
  });

  it("reads literal, folded, stripped and kept block scalars", () => {
    const doc = read("a: |\n  x\n\n  y\nb: >\n  folded\n  text\n\n  next\n    indented\nc: |-\n  stripped\nd: |+\n  kept\n\ne: |\nf: 1\n");
    expect(doc?.value).toEqual({ a: "x\n\ny\n", b: "folded text\nnext\n  indented\n", c: "stripped", d: "kept\n\n", e: "", f: 1 });
  });

  it("reads quoted scalars over several lines, with escapes", () => {
    const doc = read("s: 'it''s\n  two lines'\nd: \"tab\\tnew\\nline \\x41\\u00e9\n  next\\\n  joined\"\n");
    expect(doc?.value).toEqual({ s: "it's two lines", d: "tab\tnew\nline Aé nextjoined" });
  });

  it("reads flow collections, multi-line plain scalars and compact sequences", () => {
    const doc = read("f: [1, \"two\", {k: v}]\ne: {}\np: one\n  two\n\n  three\nl:\n- a\n- - b\n  - c\n- k: v\n  k2: v2\n");
    expect(doc?.value).toEqual({ f: [1, "two", { k: "v" }], e: {}, p: "one two\nthree", l: ["a", ["b", "c"], { k: "v", k2: "v2" }] });
  });

  it("reads CR LF line ends like LF", () => {
    const lf = "a: |\n  x\n  y\nb: 'q\n  r'\nc: [1]\n";
    expect(read(lf.replace(/\n/g, "\r\n"))?.value).toEqual(read(lf)?.value);
  });

  it("keeps a repeated key in its first place with its last value, and __proto__ as data", () => {
    const value = read("a: 1\nb: 2\na: 3\n__proto__: {polluted: true}\n")?.value as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(["a", "b", "__proto__"]);
    expect(value.a).toBe(3);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(value, "__proto__")?.value).toEqual({ polluted: true });
  });

  it("places nodes on the lines yaml gives them, empty values on their key's line", () => {
    const doc = read("# c\nkind: Pod\nspec:\n  # note\n  containers:\n  - name: a\n    args: [x]\n    env:\n", true);
    expect(doc?.line).toBe(2);
    expect(positionAt(doc?.root, ["spec"])?.line).toBe(5);
    expect(positionAt(doc?.root, ["spec", "containers"])?.line).toBe(6);
    expect(positionAt(doc?.root, ["spec", "containers", 0])?.line).toBe(6);
    expect(positionAt(doc?.root, ["spec", "containers", "0", "args", 0])?.line).toBe(7);
    expect(positionAt(doc?.root, ["spec", "containers", 0, "env"])?.line).toBe(8);
    expect(positionAt(doc?.root, ["spec", "missing"])).toBeUndefined();
  });

  it("finds the helm # Source comment where yaml attaches it to the document", () => {
    expect(read("---\n# Source: chart/templates/a.yaml\nkind: A\n")?.helmSource).toBe("chart/templates/a.yaml");
    expect(read("# Source: chart/templates/b.yaml\n\nkind: B\n")?.helmSource).toBe("chart/templates/b.yaml");
    // Without `---` or an empty line, the comment belongs to the first key, not to the document.
    expect(read("# Source: chart/templates/c.yaml\nkind: C\n")?.helmSource).toBeUndefined();
  });

  it("leaves to yaml what it does not read", () => {
    for (const text of [
      "a: &x 1\nb: *x\n",
      "a: !!str 1\n",
      "base: {a: 1}\nm:\n  <<: {b: 2}\n",
      "? complex\n: key\n",
      "a:\n\tb: 1\n",
      "a: [1,\n  2]\n",
      "a: |2\n   x\n",
      "a: b: c\n",
      "a: \"unclosed\n",
      "when: 2001-12-14\n",
    ]) {
      expect(read(text), JSON.stringify(text)).toBeUndefined();
    }
  });
});

/** The manifest loader as it read files before the subset reader: `yaml` on the whole file. */
function referenceRead(text: string, file: string) {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { ...YAML_OPTIONS, lineCounter }) as ReturnType<typeof parseAllDocuments> & unknown[];
  const objects: { value: unknown; line: number; helmSource?: string; itemLine?: (i: number) => number | undefined; doc: (typeof docs)[number] }[] = [];
  const problems: { file: string; line: number; message: string }[] = [];
  for (const doc of Array.isArray(docs) ? docs : []) {
    const line = lineCounter.linePos(doc.contents?.range?.[0] ?? doc.range?.[0] ?? 0).line;
    if (doc.errors.length) {
      problems.push({ file, line, message: `invalid YAML: ${doc.errors[0].message.split("\n")[0]}` });
      continue;
    }
    const value = doc.toJS({ maxAliasCount: 100 });
    if (value === null || value === undefined) continue;
    const helmSource = [doc.commentBefore ?? "", (doc.contents as { commentBefore?: string } | null)?.commentBefore ?? ""]
      .join("\n")
      .match(/^\s*Source:\s*(\S.*)$/m)?.[1]
      ?.trim();
    objects.push({ value, line, helmSource, doc });
  }
  const lineOf = (doc: (typeof docs)[number], segments: (string | number)[]) => {
    const node = doc.getIn(segments, true) as unknown;
    return node && (isScalar(node) || isMap(node) || isSeq(node)) && node.range ? lineCounter.linePos(node.range[0]).line : undefined;
  };
  return { objects, problems, lineOf };
}

function pathsOf(value: unknown, prefix: string, out: string[], limit: number): void {
  if (out.length >= limit) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      out.push(`${prefix}[${i}]`);
      pathsOf(item, `${prefix}[${i}]`, out, limit);
    });
    out.push(`${prefix}[${value.length}]`);
  } else if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      const p = prefix ? `${prefix}.${key}` : key;
      out.push(p);
      pathsOf(child, p, out, limit);
    }
    out.push(prefix ? `${prefix}.absent` : "absent");
  }
}

function manifestFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) manifestFiles(full, out);
    else if (/\.(ya?ml|json)$/i.test(entry.name)) out.push(full);
  }
  return out;
}

describe("manifest loader against yaml on real manifests", () => {
  it("reads the shared corpora as whole-file yaml does: objects, lines, # Source, problems and path lines", () => {
    const helm = path.join(MANIFESTS, "helm-bench-10k");
    const files = [
      ...manifestFiles(path.join(ROOT, "tests/fixtures/manifests")),
      ...manifestFiles(path.join(MANIFESTS, "kube-prometheus")),
      ...manifestFiles(path.join(MANIFESTS, "kubernetes-examples")),
      ...fs.readFileSync(path.join(helm, "bench-1k.txt"), "utf8").split("\n").filter(Boolean).map((f) => path.join(helm, f)),
    ];
    let objects = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, "utf8");
      const loaded: LoadResult = { objects: [], files: [], warnings: [], errors: [] };
      parseManifestText(text, file, loaded);
      const reference = referenceRead(text, file);
      expect(loaded.errors, file).toEqual(reference.problems);
      const isObject = (v: unknown): v is { apiVersion: string; kind: string; items?: unknown } =>
        !!v && typeof v === "object" && !Array.isArray(v) && typeof (v as { apiVersion?: unknown }).apiVersion === "string" && !!(v as { apiVersion: string }).apiVersion && typeof (v as { kind?: unknown }).kind === "string" && !!(v as { kind: string }).kind;
      const isList = (v: { kind: string; items?: unknown }) => /List$/.test(v.kind) && Array.isArray(v.items);
      expect(loaded.warnings.map((w) => w.line), file).toEqual(
        reference.objects.flatMap((o) => (!isObject(o.value) ? [o.line] : isList(o.value) ? (o.value.items as unknown[]).filter((item) => !isObject(item)).map(() => o.line) : [])),
      );
      // kind: List documents become several objects (their lines are tested by scan-cli): compare the others.
      const singles = loaded.objects.filter((o) => !o.origin.itemPrefix);
      const kubernetes = reference.objects.filter((o) => isObject(o.value) && !isList(o.value));
      expect(singles.length, file).toBe(kubernetes.length);
      const locator = new PathLocator();
      singles.forEach((loadedObject, i) => {
        const expected = kubernetes[i];
        const { metadata, ...rest } = loadedObject.object as unknown as Record<string, unknown>;
        const { metadata: expectedMetadata, ...expectedRest } = expected.value as Record<string, unknown>;
        expect(exact(rest), `${file} object ${i}`).toBe(exact(expectedRest));
        expect(exact(metadata), `${file} object ${i} metadata`).toBe(exact(expectedMetadata && typeof expectedMetadata === "object" ? expectedMetadata : {}));
        expect({ line: loadedObject.origin.line, helmSource: loadedObject.origin.helmSource }, file).toEqual({ line: expected.line, helmSource: expected.helmSource });
        const paths: string[] = [];
        pathsOf(expected.value, "", paths, 300);
        for (const p of paths) {
          const segments = pathSegments(p);
          let expectedLine: number | undefined;
          for (let n = segments.length; n > 0 && expectedLine === undefined; n--) expectedLine = reference.lineOf(expected.doc, segments.slice(0, n));
          expect(locator.lineOf(loadedObject.origin, p), `${file} object ${i} ${p}`).toBe(expectedLine ?? expected.line);
        }
        objects++;
      });
    }
    expect(objects).toBeGreaterThan(1000);
  }, 300_000);
});

describe("yaml subset against yaml on mutated documents", () => {
  it("reads every mutated document it accepts exactly as yaml does", () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <T,>(list: T[]) => list[Math.floor(random() * list.length)];
    const helm = path.join(MANIFESTS, "helm-bench-10k");
    const seeds = fs
      .readFileSync(path.join(helm, "bench-1k.txt"), "utf8")
      .split("\n")
      .filter(Boolean)
      .slice(0, 40)
      .flatMap((f) => fs.readFileSync(path.join(helm, f), "utf8").split(/^---\s*$/m))
      .filter((d) => d.trim() && d.length < 3000);
    const inserts = ["\t", ": ", ":", " #", "- ", "&a ", "*a", "!!str ", "|", "|-", "|+", ">", "{", "}", "[", "]", "'", '"', "\\", "''", " ", "\n", "\n  ", "? ", "<<: ", "%", "@", ",", "yes", "012", "e5", "2001-12-14", "\r\n", "\u2028"];
    let accepted = 0;
    for (let n = 0; n < 3000; n++) {
      const lines = pick(seeds).split("\n");
      for (let m = 0; m < 2; m++) {
        const li = Math.floor(random() * lines.length);
        const at = Math.floor(random() * (lines[li].length + 1));
        lines[li] = random() < 0.7 ? lines[li].slice(0, at) + pick(inserts) + lines[li].slice(at) : lines[li].slice(0, at) + lines[li].slice(at + 2);
      }
      const text = lines.join("\n");
      if (/^(?:---|\.\.\.|%)/m.test(text)) continue;
      const subset = read(text);
      if (!subset) continue;
      const positions = read(text, true);
      accepted++;
      const lineCounter = new LineCounter();
      const docs = parseAllDocuments(text, { ...YAML_OPTIONS, lineCounter }) as unknown as ReturnType<typeof parseAllDocuments> & unknown[];
      const doc = docs[0];
      if (!doc) {
        expect(subset.value, text).toBeNull();
        continue;
      }
      expect(docs.length, text).toBe(1);
      expect(doc.errors.map((e) => e.message), text).toEqual([]);
      const value = doc.toJS({ maxAliasCount: 100 });
      expect(exact(subset.value), text).toBe(exact(value));
      if (value === null) continue;
      expect(subset.line, text).toBe(lineCounter.linePos(doc.contents?.range?.[0] ?? 0).line);
      const helmSource = [doc.commentBefore ?? "", (doc.contents as { commentBefore?: string } | null)?.commentBefore ?? ""].join("\n").match(/^\s*Source:\s*(\S.*)$/m)?.[1]?.trim();
      expect(subset.helmSource, text).toBe(helmSource);
      expect(positions?.line, text).toBe(subset.line);
      const paths: string[] = [];
      pathsOf(value, "", paths, 200);
      for (const p of paths) {
        const segments = pathSegments(p);
        const node = doc.getIn(segments, true) as unknown;
        const line = node && (isScalar(node) || isMap(node) || isSeq(node)) && node.range ? lineCounter.linePos(node.range[0]).line : undefined;
        expect(positionAt(positions?.root, segments)?.line, `${text}\n${p}`).toBe(line);
      }
    }
    expect(accepted).toBeGreaterThan(500);
  }, 120_000);
});
