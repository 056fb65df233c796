// Reads Kubernetes manifests from files, folders and stdin: multi-document YAML (1.1 quirks, as
// kubectl reads them), JSON, `kind: List`, and `helm template` output with `# Source:` comments.
// A broken document is reported and skipped; everything else is still scanned.
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { LineCounter, parseAllDocuments } from "yaml";
import type { K8sObject } from "../../../lib/engine/types";
import { UsageError } from "../errors";
import { detached, NodeLines } from "./yaml-positions";

export interface ObjectOrigin {
  /** The file the object came from ("-" for stdin). */
  file: string;
  /** 1-based line where the object starts. */
  line: number;
  /** `# Source:` template path from helm output, when present. */
  helmSource?: string;
  /** Path prefix inside the document for `kind: List` items, e.g. `items[2]`. */
  itemPrefix?: string;
  /** Where the object's document is in its file, to re-read it when locating paths. */
  document: DocumentRange;
}

/**
 * A byte range of a file (documents are decoded one at a time), its first line, and the index of the
 * object's document among those read from it.
 */
export interface DocumentRange {
  start: number;
  end: number;
  firstLine: number;
  index: number;
  /**
   * The lines of the document's nodes, taken while it was parsed (~1 MB per 60,000 nodes), so locating
   * findings needs no second parse; absent for the rare documents NodeLines does not cover.
   */
  positions?: NodeLines;
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
  /** Contents that cannot be read again to locate findings (standard input); files are re-read instead. */
  texts?: Map<string, Buffer>;
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
    stat = await fsp.stat(input);
  } catch (error) {
    throw new UsageError(`cannot read ${input}: no such file or directory`, { cause: error });
  }
  if (stat.isDirectory()) {
    const entries = (await fsp.readdir(input, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
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

/** How manifests are read with `yaml`: YAML 1.1 (as kubectl), repeated keys allowed (the last wins). */
export const YAML_OPTIONS = { version: "1.1", uniqueKeys: false, prettyErrors: false } as const;
const LF = 0x0a;

/**
 * Files read by `yaml` as a whole: directives, `...` document ends and a
 * leading byte order mark change how neighbouring documents are read. (The test the loader made on
 * the text: /^(?:%|\.\.\.(?:[ \t\r\n]|$))/m, where lines end at LF, CR, LS or PS.)
 */
function readAsWholeFile(bytes: Buffer): boolean {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return true;
  for (let at = bytes.indexOf(0x25); at !== -1; at = bytes.indexOf(0x25, at + 1)) if (atLineStart(bytes, at)) return true; // %
  for (let at = bytes.indexOf("..."); at !== -1; at = bytes.indexOf("...", at + 1)) {
    if (atLineStart(bytes, at) && (at + 3 === bytes.length || isLineSpace(bytes[at + 3]) || isLineSeparator(bytes, at + 3))) return true;
  }
  return false;
}

function atLineStart(bytes: Buffer, at: number): boolean {
  return at === 0 || bytes[at - 1] === LF || bytes[at - 1] === 0x0d || (at >= 3 && isLineSeparator(bytes, at - 3));
}

/** U+2028 or U+2029 (UTF-8 E2 80 A8/A9) at `at`. */
function isLineSeparator(bytes: Buffer, at: number): boolean {
  return bytes[at] === 0xe2 && bytes[at + 1] === 0x80 && (bytes[at + 2] === 0xa8 || bytes[at + 2] === 0xa9);
}

/** A space, tab, CR or LF after a `---` or `...` marker, or the end of the file. */
function isLineSpace(c: number | undefined): boolean {
  return c === undefined || c === 0x20 || c === 0x09 || c === 0x0d || c === LF;
}

/**
 * Byte offsets where documents start: 0, then each `---` line (comment lines before the first one
 * belong to it). Line starts are bytes after an LF, so UTF-8 text splits there cleanly.
 */
function documentStarts(bytes: Buffer): number[] {
  const starts = [0];
  for (let at = bytes.indexOf("\n---"); at !== -1; at = bytes.indexOf("\n---", at + 1)) {
    if (isLineSpace(bytes[at + 4])) starts.push(at + 1);
  }
  if (starts.length > 1 && /^(?:[ \t]*(?:#.*)?\n)*$/.test(bytes.toString("utf8", 0, starts[1]))) starts.splice(1, 1);
  return starts;
}

/** Adds one read document's objects (or the warning it deserves) to the result. */
function addDocument(
  result: LoadResult,
  file: string,
  value: unknown,
  line: number,
  helmSource: string | undefined,
  document: DocumentRange,
  itemLine: (index: number) => number | undefined,
): void {
  if (value === null || value === undefined) return;
  if (helmSource) helmSource = detached(helmSource);
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
      result.objects.push({
        object: { ...item, metadata: item.metadata ?? {} },
        origin: { file, line: itemLine(i) ?? line, helmSource, itemPrefix: `items[${i}]`, document },
      });
    });
    return;
  }
  result.objects.push({
    object: { ...value, metadata: value.metadata && typeof value.metadata === "object" ? value.metadata : {} },
    origin: { file, line, helmSource, document },
  });
}

/**
 * `value` with its strings copied out of the file's text: V8 makes longer substrings views of the
 * string they were cut from, and one kept value would keep a whole file in memory (see yaml-positions.ts).
 */
function detachStrings(value: unknown, seen = new Set<object>()): unknown {
  if (typeof value === "string") return detached(value);
  if (!value || typeof value !== "object" || seen.has(value)) return value;
  // Aliases make shared (even cyclic) values.
  seen.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = detachStrings(value[i], seen);
  } else if (Object.getPrototypeOf(value) === Object.prototype) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const child = record[key];
      if (typeof child === "string") {
        // defineProperty, not assignment: `__proto__` may be a data key here.
        if (child.length >= 13) Object.defineProperty(record, key, { value: detached(child) });
      } else detachStrings(child, seen);
    }
  }
  return value;
}

/** One copy of each map key of a load (keys repeat across documents: 7,200 distinct on the Helm corpus). */
const internedKeys = new WeakMap<LoadResult, Map<string, string>>();

function keyInterner(result: LoadResult): (key: string) => string {
  let keys = internedKeys.get(result);
  if (!keys) internedKeys.set(result, (keys = new Map()));
  const table = keys;
  return (key) => {
    let copy = table.get(key);
    if (copy === undefined) table.set((copy = detached(key)), copy);
    return copy;
  };
}

/** Reads the documents of `text` (the bytes `range` of the file) with `yaml`. */
function addYamlDocuments(text: string, file: string, result: LoadResult, range: Omit<DocumentRange, "index">): void {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { ...YAML_OPTIONS, lineCounter });
  const list = Array.isArray(docs) ? docs : [docs];
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + range.firstLine - 1;
  list.forEach((doc, index) => {
    const line = lineAt(doc.contents?.range?.[0] ?? doc.range?.[0] ?? 0);
    if (doc.errors.length) {
      const error = doc.errors[0];
      // The line of the error itself (the document may start well before it); an error found at the
      // end of the text (an unclosed quote or bracket) is on its last written line, not past it.
      const lastCharacter = Math.max(0, text.trimEnd().length - 1);
      const at = Array.isArray(error.pos) ? lineAt(Math.min(error.pos[0], lastCharacter)) : line;
      result.errors.push({ file, line: at, message: `invalid YAML: ${error.message.split("\n")[0]}` });
      return;
    }
    let value: unknown;
    try {
      value = detachStrings(doc.toJS({ maxAliasCount: 100 }));
    } catch (error) {
      result.errors.push({ file, line, message: `cannot read document: ${(error as Error).message}` });
      return;
    }
    if (value === null || value === undefined) return;
    const helmSource = [doc.commentBefore ?? "", (doc.contents as { commentBefore?: string } | null)?.commentBefore ?? ""]
      .join("\n")
      .match(SOURCE_COMMENT)?.[1]
      ?.trim();
    const positions = NodeLines.of(doc, lineAt, keyInterner(result));
    addDocument(result, file, value, line, helmSource, { ...range, index, ...(positions ? { positions } : {}) }, (i) => {
      const node = doc.getIn(["items", i], true) as { range?: [number, number, number] } | undefined;
      return node?.range ? lineAt(node.range[0]) : undefined;
    });
  });
}

/** Parses one file's text into Kubernetes objects with their origins (see parseManifestBytes). */
export function parseManifestText(text: string, file: string, result: LoadResult): void {
  parseManifestBytes(Buffer.from(text, "utf8"), file, result);
}

/**
 * Parses one file's UTF-8 contents into Kubernetes objects with their origins. The file is split at
 * its `---` lines first, as kubectl's reader does, and each document is decoded and read on its own
 * by `yaml`; nothing of their text or syntax is kept. A broken document (an unclosed quote, say) is
 * reported at the line of its error and cannot swallow the documents after it: they are scanned, as
 * kubectl would apply them. Files whose directives, `...` ends or byte order mark tie documents
 * together are read as a whole.
 */
export function parseManifestBytes(bytes: Buffer, file: string, result: LoadResult): void {
  if (readAsWholeFile(bytes)) addYamlDocuments(bytes.toString("utf8"), file, result, { start: 0, end: bytes.length, firstLine: 1 });
  else addDocuments(bytes, file, result);
}

/** Adds the file's documents one at a time. */
function addDocuments(bytes: Buffer, file: string, result: LoadResult): void {
  const starts = documentStarts(bytes);
  let firstLine = 1;
  let counted = 0;
  for (let d = 0; d < starts.length; d++) {
    const start = starts[d];
    const end = d + 1 < starts.length ? starts[d + 1] : bytes.length;
    for (let nl = bytes.indexOf(LF, counted); nl !== -1 && nl < start; nl = bytes.indexOf(LF, nl + 1)) firstLine++;
    counted = start;
    addYamlDocuments(bytes.toString("utf8", start, end), file, result, { start, end, firstLine });
  }
}

/** Loads every manifest from the given paths; "-" reads standard input. */
export async function loadManifests(inputs: string[], readStdin: () => Promise<Buffer>): Promise<LoadResult> {
  const result: LoadResult = { objects: [], files: [], warnings: [], errors: [] };
  const files: string[] = [];
  for (const input of inputs) {
    if (input === "-") files.push("-");
    else await expandPath(input, files);
  }
  for (const file of files) {
    let bytes: Buffer;
    try {
      // One file at a time, synchronously: a CLI has nothing else to do meanwhile.
      bytes = file === "-" ? await readStdin() : fs.readFileSync(file);
    } catch (error) {
      result.errors.push({ file, message: `cannot read: ${(error as Error).message}` });
      continue;
    }
    result.files.push(file);
    if (file === "-") (result.texts ??= new Map()).set(file, bytes);
    parseManifestBytes(bytes, file, result);
  }
  return result;
}
