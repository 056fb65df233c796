// Source lines of findings: the line of the node a finding's path names in the object's document
// (or of its deepest existing parent), exactly as `yaml`'s Document.getIn would place it.
import fs from "node:fs";
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document } from "yaml";
import { YAML_OPTIONS, type DocumentRange, type ObjectOrigin } from "./load-manifests";

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

/** The node lines of one document, as `Document.getIn(path, true)` would give them. */
type PathLines = (segments: (string | number)[]) => number | undefined;

/**
 * Finds source lines for JSON paths, re-reading one file at a time (only files that have findings) and
 * keeping the positions of one document at a time, so a large scan never holds its file texts or their
 * syntax trees all at once: cheapest when asked file by file and document by document.
 */
export class PathLocator {
  private file?: string;
  private bytes: Buffer = Buffer.alloc(0);
  private document?: DocumentRange;
  private lines?: PathLines;
  private yamlRanges = new Map<string, { docs: Document.Parsed[]; lineCounter: LineCounter }>();
  private segments = new Map<string, (string | number)[]>();

  /** `texts`: the contents that cannot be read again (standard input); other files are read from disk. */
  constructor(private readonly texts: Map<string, Buffer> = new Map()) {}

  private load(file: string): void {
    if (this.file === file) return;
    this.file = file;
    this.yamlRanges.clear();
    const kept = this.texts.get(file);
    if (kept !== undefined) this.bytes = kept;
    else {
      try {
        this.bytes = fs.readFileSync(file);
      } catch {
        this.bytes = Buffer.alloc(0);
      }
    }
  }

  private nodeLines(file: string, range: DocumentRange): PathLines | undefined {
    if (this.document === range) return this.lines;
    let lines: PathLines | undefined;
    const root = range.positions;
    if (root) lines = (segments) => root.lineAt(segments);
    else {
      this.load(file);
      const { docs, lineCounter } = this.yamlDocuments(range);
      const doc = docs[range.index];
      if (doc) {
        lines = (segments) => {
          const node = doc.getIn(segments, true) as unknown;
          if (node && (isScalar(node) || isMap(node) || isSeq(node)) && node.range) {
            return lineCounter.linePos(node.range[0]).line + range.firstLine - 1;
          }
          return undefined;
        };
      }
    }
    this.document = range;
    this.lines = lines;
    return lines;
  }

  /** The `yaml` documents of a range, parsed once per file (a whole file holds many). */
  private yamlDocuments(range: DocumentRange): { docs: Document.Parsed[]; lineCounter: LineCounter } {
    const key = `${range.start}:${range.end}`;
    let parsed = this.yamlRanges.get(key);
    if (!parsed) {
      const lineCounter = new LineCounter();
      const docs = parseAllDocuments(this.bytes.toString("utf8", range.start, range.end), { ...YAML_OPTIONS, lineCounter });
      parsed = { docs: Array.isArray(docs) ? docs : [docs], lineCounter };
      this.yamlRanges.set(key, parsed);
    }
    return parsed;
  }

  private pathSegments(jsonPath: string): (string | number)[] {
    let segments = this.segments.get(jsonPath);
    if (!segments) {
      segments = pathSegments(jsonPath);
      if (this.segments.size > 10_000) this.segments.clear();
      this.segments.set(jsonPath, segments);
    }
    return segments;
  }

  /** The 1-based line of a path in the object's document; for a path to add, its deepest existing parent's. */
  lineOf(origin: ObjectOrigin, jsonPath: string | undefined): number {
    if (!jsonPath) return origin.line;
    const lines = this.nodeLines(origin.file, origin.document);
    if (!lines) return origin.line;
    const prefix = origin.itemPrefix ? this.pathSegments(origin.itemPrefix) : undefined;
    const segments = prefix ? [...prefix, ...this.pathSegments(jsonPath)] : this.pathSegments(jsonPath);
    for (let n = segments.length; n > (prefix?.length ?? 0); n--) {
      const line = lines(n === segments.length ? segments : segments.slice(0, n));
      if (line !== undefined) return line;
    }
    return origin.line;
  }
}
