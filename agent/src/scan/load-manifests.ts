// Reads Kubernetes manifests from files, folders and stdin: multi-document YAML (1.1 quirks, as
// kubectl reads them), JSON, `kind: List`, and `helm template` output with `# Source:` comments.
// A broken document is reported and skipped; everything else is still scanned.
import fs from "node:fs/promises";
import path from "node:path";
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document } from "yaml";
import type { K8sObject } from "../../../lib/engine/types";
import { UsageError } from "../errors";

export interface ObjectOrigin {
  /** The file the object came from ("-" for stdin). */
  file: string;
  /** 1-based line where the object starts. */
  line: number;
  /** `# Source:` template path from helm output, when present. */
  helmSource?: string;
  /** Path prefix inside the document for `kind: List` items, e.g. `items[2]`. */
  itemPrefix?: string;
  /** Index of the YAML document in its file (documents are re-read lazily to locate paths). */
  docIndex: number;
}

export interface LoadedObject {
  object: K8sObject;
  origin: ObjectOrigin;
}

export interface InputProblem {
  file: string;
  line?: number;
  message: string;
}

export interface LoadResult {
  objects: LoadedObject[];
  /** File texts, kept to locate findings later without holding every parsed YAML tree in memory. */
  texts?: Map<string, string>;
  files: string[];
  /** Documents skipped on purpose (not Kubernetes objects). */
  warnings: InputProblem[];
  /** Files or documents that could not be read or parsed. */
  errors: InputProblem[];
}

const MANIFEST_EXTENSIONS = new Set([".yaml", ".yml", ".json"]);
const SOURCE_COMMENT = /^\s*Source:\s*(\S.*)$/m;

async function expandPath(input: string, out: string[]): Promise<void> {
  let stat;
  try {
    stat = await fs.stat(input);
  } catch (error) {
    throw new UsageError(`cannot read ${input}: no such file or directory`, { cause: error });
  }
  if (stat.isDirectory()) {
    const entries = (await fs.readdir(input, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const child = path.join(input, entry.name);
      if (entry.isDirectory()) await expandPath(child, out);
      else if (MANIFEST_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) out.push(child);
    }
  } else out.push(input);
}

function isKubernetesObject(value: unknown): value is K8sObject {
  if (!value || typeof value !== "object" || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return typeof v.apiVersion === "string" && v.apiVersion.length > 0 && typeof v.kind === "string" && v.kind.length > 0;
}

/** Parses one file's text into Kubernetes objects with their origins. */
export function parseManifestText(text: string, file: string, result: LoadResult): void {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { version: "1.1", lineCounter, uniqueKeys: false, prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [docs];
  (result.texts ??= new Map()).set(file, text);
  list.forEach((doc, docIndex) => {
    const start = doc.contents?.range?.[0] ?? doc.range?.[0] ?? 0;
    const line = lineCounter.linePos(start).line;
    if (doc.errors.length) {
      result.errors.push({ file, line, message: `invalid YAML: ${doc.errors[0].message.split("\n")[0]}` });
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      result.errors.push({ file, line, message: `cannot read document: ${(error as Error).message}` });
      return;
    }
    if (value === null || value === undefined) return;
    const helmSource = [doc.commentBefore ?? "", (doc.contents as { commentBefore?: string } | null)?.commentBefore ?? ""]
      .join("\n")
      .match(SOURCE_COMMENT)?.[1]
      ?.trim();
    if (!isKubernetesObject(value)) {
      result.warnings.push({ file, line, message: "skipped a document that is not a Kubernetes object (no apiVersion/kind)" });
      return;
    }
    if (/List$/.test(value.kind) && Array.isArray(value.items)) {
      value.items.forEach((item: unknown, i: number) => {
        if (!isKubernetesObject(item)) {
          result.warnings.push({ file, line, message: `skipped items[${i}] of a List: not a Kubernetes object` });
          return;
        }
        const node = doc.getIn(["items", i], true) as { range?: [number, number, number] } | undefined;
        const itemLine = node?.range ? lineCounter.linePos(node.range[0]).line : line;
        result.objects.push({
          object: { ...item, metadata: item.metadata ?? {} },
          origin: { file, line: itemLine, helmSource, itemPrefix: `items[${i}]`, docIndex },
        });
      });
      return;
    }
    result.objects.push({
      object: { ...value, metadata: value.metadata && typeof value.metadata === "object" ? value.metadata : {} },
      origin: { file, line, helmSource, docIndex },
    });
  });
}

/** Loads every manifest from the given paths; "-" reads standard input. */
export async function loadManifests(inputs: string[], readStdin: () => Promise<string>): Promise<LoadResult> {
  const result: LoadResult = { objects: [], files: [], warnings: [], errors: [] };
  const files: string[] = [];
  for (const input of inputs) {
    if (input === "-") files.push("-");
    else await expandPath(input, files);
  }
  for (const file of files) {
    let text: string;
    try {
      text = file === "-" ? await readStdin() : await fs.readFile(file, "utf8");
    } catch (error) {
      result.errors.push({ file, message: `cannot read: ${(error as Error).message}` });
      continue;
    }
    result.files.push(file);
    parseManifestText(text, file, result);
  }
  return result;
}

/** Splits a Kubescape-style path (`spec.containers[0].image`) into segments. */
export function pathSegments(jsonPath: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const part of jsonPath.split(".")) {
    const re = /([^[\]]+)|\[(\d+)\]|\[([^\]]*)\]/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(part))) {
      if (m[1] !== undefined) segments.push(m[1]);
      else if (m[2] !== undefined) segments.push(Number(m[2]));
      else if (m[3] !== undefined) segments.push(m[3]);
    }
  }
  return segments;
}

/**
 * Finds source lines for JSON paths, re-parsing one file at a time (only files that have findings),
 * so a large scan never holds every YAML tree in memory at once.
 */
export class PathLocator {
  private file?: string;
  private docs: Document.Parsed[] = [];
  private lineCounter = new LineCounter();

  constructor(private readonly texts: Map<string, string>) {}

  private load(file: string): void {
    if (this.file === file) return;
    this.file = file;
    this.lineCounter = new LineCounter();
    const text = this.texts.get(file) ?? "";
    const docs = parseAllDocuments(text, { version: "1.1", lineCounter: this.lineCounter, uniqueKeys: false, prettyErrors: false });
    this.docs = Array.isArray(docs) ? docs : [docs];
  }

  /** The 1-based line of a path in the object's document; for a path to add, its deepest existing parent's. */
  lineOf(origin: ObjectOrigin, jsonPath: string | undefined): number {
    if (!jsonPath) return origin.line;
    this.load(origin.file);
    const doc = this.docs[origin.docIndex];
    if (!doc) return origin.line;
    const prefix = origin.itemPrefix ? pathSegments(origin.itemPrefix) : [];
    const segments = [...prefix, ...pathSegments(jsonPath)];
    for (let n = segments.length; n > prefix.length; n--) {
      const node = doc.getIn(segments.slice(0, n), true) as unknown;
      if (node && (isScalar(node) || isMap(node) || isSeq(node)) && node.range) {
        return this.lineCounter.linePos(node.range[0]).line;
      }
    }
    return origin.line;
  }
}
