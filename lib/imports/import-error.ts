// The one error type of every importer: a code a route can map to an HTTP status, a message a person
// can act on, and (for schema problems) the fields at fault.
import type { z } from "zod";

/** Largest import accepted, in bytes of JSON text. Bigger files are refused before parsing. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export type ImportErrorCode =
  /** More than MAX_IMPORT_BYTES of input. */
  | "too_large"
  /** Not JSON at all, or cut short. */
  | "invalid_json"
  /** JSON, but another tool's format (a Trivy file given as Kubescape, …). */
  | "wrong_format"
  /** The right tool's format, but fields we rely on are missing or of the wrong type. */
  | "invalid_report"
  /** A valid report about something we cannot attach to a cluster (a directory scan, a repository). */
  | "unsupported_target";

export interface ImportIssue {
  /** Dotted path of the field, e.g. `results[3].controls[0].controlID` ("" for the document). */
  path: string;
  message: string;
}

export class ImportError extends Error {
  readonly code: ImportErrorCode;
  readonly issues: ImportIssue[];

  constructor(code: ImportErrorCode, message: string, options?: { issues?: ImportIssue[]; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "ImportError";
    this.code = code;
    this.issues = options?.issues ?? [];
  }
}

/** `a.b[2].c` from a zod issue path. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

function describeReceived(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return value.length > 40 ? "a string" : `"${value}"`;
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const part of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

/**
 * An `invalid_report` error from a zod failure: the first few fields at fault, each with what was
 * expected and what the file holds.
 */
export function importErrorFromZod(what: string, error: z.ZodError, input: unknown): ImportError {
  const issues: ImportIssue[] = error.issues.slice(0, 10).map((issue) => {
    const path = formatIssuePath(issue.path);
    const received = valueAt(input, issue.path);
    const expected = "expected" in issue && typeof issue.expected === "string" ? `expected ${issue.expected}` : issue.message;
    const message = received === undefined ? `${expected}, but the field is missing` : `${expected}, found ${describeReceived(received)}`;
    return { path, message };
  });
  const first = issues[0];
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? "s" : ""})` : "";
  return new ImportError(
    "invalid_report",
    `not a valid ${what}: ${first ? `${first.path || "document"}: ${first.message}` : "schema mismatch"}${more}`,
    { issues, cause: error },
  );
}

/** UTF-8 length of a string without allocating the encoded bytes. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function tooLarge(bytes: number, limit: number): ImportError {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return new ImportError("too_large", `the file is ${mb(bytes)}; imports are limited to ${mb(limit)}`);
}

/** What importers accept: JSON text, its UTF-8 bytes, or an already parsed value. */
export type ImportInput = string | Uint8Array | unknown;

/**
 * Parses an import's JSON, refusing more than `limit` bytes. An already parsed value is returned as is
 * (its size was the caller's business, e.g. a body-size limit in the route).
 */
export function readJsonInput(input: ImportInput, limit = MAX_IMPORT_BYTES): unknown {
  let text: string;
  if (input instanceof Uint8Array) {
    if (input.byteLength > limit) throw tooLarge(input.byteLength, limit);
    text = new TextDecoder("utf-8").decode(input);
  } else if (typeof input === "string") {
    // Characters never outnumber bytes, so the exact count is only needed near the limit.
    if (input.length > limit) throw tooLarge(utf8Length(input), limit);
    if (input.length * 3 > limit) {
      const bytes = utf8Length(input);
      if (bytes > limit) throw tooLarge(bytes, limit);
    }
    text = input;
  } else {
    return input;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === "") throw new ImportError("invalid_json", "the file is empty");
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = (error as Error).message;
    const truncated = /end of (JSON )?input|Unterminated/i.test(reason);
    throw new ImportError(
      "invalid_json",
      truncated ? `the file is not complete JSON (it ends too early; was it cut short?): ${reason}` : `the file is not valid JSON: ${reason}`,
      { cause: error },
    );
  }
}

/** Names the tool whose JSON this is, for "wrong format" errors; undefined when unknown. */
export function recognizeFormat(value: unknown): "kubescape" | "kubescape-v1" | "trivy" | "trivy-k8s" | "grype" | undefined {
  if (Array.isArray(value)) {
    // Kubescape's first JSON format was a bare list of framework reports.
    const first = value[0] as Record<string, unknown> | undefined;
    if (first && typeof first === "object" && "controlReports" in first) return "kubescape-v1";
    return undefined;
  }
  if (!value || typeof value !== "object") return undefined;
  const doc = value as Record<string, unknown>;
  if ("summaryDetails" in doc && ("results" in doc || "resources" in doc || "generationTime" in doc)) return "kubescape";
  if ("SchemaVersion" in doc && ("ArtifactName" in doc || "Results" in doc)) return "trivy";
  if ("ClusterName" in doc && ("Resources" in doc || "Vulnerabilities" in doc || "Misconfigurations" in doc)) return "trivy-k8s";
  if ("matches" in doc && ("descriptor" in doc || "source" in doc)) return "grype";
  return undefined;
}
