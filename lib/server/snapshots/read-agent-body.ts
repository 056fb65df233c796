import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import type { z } from "zod";
import { AppError } from "@/lib/api/errors";
import { describeIssues } from "@/lib/zod/describe-issues";

const gunzipAsync = promisify(gunzip);

export type BodyLimits = {
  /** Bytes on the wire (compressed when the body is gzip). */
  maxBytes: number;
  /** Bytes after decompression: a small gzip body can expand a thousandfold (a "gzip bomb"). */
  maxDecompressedBytes: number;
};

async function readWireBytes(req: Request, maxBytes: number): Promise<Buffer> {
  const declared = req.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) {
    throw new AppError("payload_too_large", `Request body is ${declared} bytes; the limit is ${maxBytes}.`);
  }
  if (!req.body) return Buffer.alloc(0);
  // Content-Length may be absent (chunked) or false, so the limit holds on the bytes actually read.
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new AppError("payload_too_large", `Request body exceeds ${maxBytes} bytes.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * Reads an agent request body (gzip or identity JSON) within both limits and validates it.
 * Oversized bodies, compressed or expanded, are refused with 413 before any parsing.
 */
export async function readAgentBody<Schema extends z.ZodType>(req: Request, schema: Schema, limits: BodyLimits): Promise<z.infer<Schema>> {
  const contentType = req.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(contentType.trim())) {
    throw new AppError("unsupported_media_type", "Send the request body as application/json (gzip content-encoding allowed).");
  }
  const encoding = (req.headers.get("content-encoding") ?? "identity").trim().toLowerCase();
  if (encoding !== "gzip" && encoding !== "identity") {
    throw new AppError("unsupported_media_type", `Content-Encoding "${encoding}" is not supported; use gzip or none.`);
  }
  const wire = await readWireBytes(req, encoding === "gzip" ? limits.maxBytes : Math.min(limits.maxBytes, limits.maxDecompressedBytes));
  let raw: Buffer = wire;
  if (encoding === "gzip") {
    try {
      // maxOutputLength stops inflating as soon as the limit is passed, so a bomb never expands in memory.
      raw = await gunzipAsync(wire, { maxOutputLength: limits.maxDecompressedBytes });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || error instanceof RangeError) {
        throw new AppError(
          "payload_too_large",
          `The request body expands to more than ${limits.maxDecompressedBytes} bytes when decompressed; refused.`,
        );
      }
      throw new AppError("bad_request", "The request body is not valid gzip data.");
    }
  }
  if (raw.length === 0) throw new AppError("invalid_json", "The request body is empty; expected a JSON object.");
  let data: unknown;
  try {
    data = JSON.parse(raw.toString("utf8"));
  } catch {
    throw new AppError("invalid_json", "The request body is not valid JSON.");
  }
  const result = schema.safeParse(data);
  if (!result.success) throw new AppError("validation_failed", describeIssues(result.error));
  return result.data;
}
