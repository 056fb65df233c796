// Importer errors as HTTP answers. A file that is JSON but not a usable report is 422 (the request
// was well-formed; its content cannot be imported); broken JSON is 400, an oversized file 413.
import { ImportError, type ImportErrorCode, type ImportIssue } from "@/lib/imports";

const IMPORT_STATUS: Record<ImportErrorCode, number> = {
  invalid_json: 400,
  too_large: 413,
  wrong_format: 422,
  invalid_report: 422,
  unsupported_target: 422,
};

export type ImportErrorBody = { error: { code: ImportErrorCode | "cluster_required"; message: string; issues?: ImportIssue[] } };

export function importErrorResponse(error: ImportError): Response {
  const body: ImportErrorBody = { error: { code: error.code, message: error.message, ...(error.issues.length ? { issues: error.issues } : {}) } };
  return Response.json(body, { status: IMPORT_STATUS[error.code] });
}

/** Runs a pure importer; its ImportError becomes a 400/413/422 answer, anything else propagates. */
export function runImporter<T>(importer: () => T): { ok: true; value: T } | { ok: false; response: Response } {
  try {
    return { ok: true, value: importer() };
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, response: importErrorResponse(error) };
    throw error;
  }
}
