import { z } from "zod";
import { AppError } from "@/lib/api/errors";
import { describeIssues } from "@/lib/zod/describe-issues";

// Dashboard and management bodies are small forms; agent snapshot routes pass their own limit.
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

async function readLimited(req: Request, maxBytes: number): Promise<string> {
  const declared = req.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) {
    throw new AppError("payload_too_large", `Request body exceeds ${maxBytes} bytes.`);
  }
  if (!req.body) return "";
  // Content-Length can be absent (chunked) or wrong, so the limit is enforced on the bytes read.
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new AppError("payload_too_large", `Request body exceeds ${maxBytes} bytes.`);
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
}

/** Parses and validates a JSON request body; every failure is an AppError with a 4xx code. */
export async function parseJsonBody<Schema extends z.ZodType>(
  req: Request,
  schema: Schema,
  options: { maxBytes?: number } = {},
): Promise<z.infer<Schema>> {
  const contentType = req.headers.get("content-type") ?? "";
  // Requiring JSON also keeps cross-site HTML forms (which cannot send it without a CORS
  // preflight) from reaching state-changing routes with the user's cookies.
  if (!/^application\/json\b/i.test(contentType.trim())) {
    throw new AppError("unsupported_media_type", "Send the request body as application/json.");
  }
  const text = await readLimited(req, options.maxBytes ?? DEFAULT_MAX_BODY_BYTES);
  if (text.trim() === "") throw new AppError("invalid_json", "The request body is empty; expected a JSON object.");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new AppError("invalid_json", "The request body is not valid JSON.");
  }
  const result = schema.safeParse(data);
  if (!result.success) throw new AppError("validation_failed", describeIssues(result.error));
  return result.data;
}

/** Validates query-string parameters against a schema (unknown parameters are rejected by .strict()). */
export function parseSearchParams<Schema extends z.ZodType>(url: URL | string, schema: Schema): z.infer<Schema> {
  const params = typeof url === "string" ? new URL(url).searchParams : url.searchParams;
  const result = schema.safeParse(Object.fromEntries(params.entries()));
  if (!result.success) throw new AppError("validation_failed", describeIssues(result.error));
  return result.data;
}
