// The upload body of `shipshape import …` (agent/src/commands/import.ts): `{ clusterName?, report }`,
// gzip JSON. The report itself is validated by the importer, which gives field-level messages.
import { z } from "zod";
import { MAX_IMPORT_BYTES } from "@/lib/imports";
import type { BodyLimits } from "@/lib/server/snapshots/read-agent-body";

export const ZImportBody = z
  .object({
    clusterName: z.string().trim().min(1).max(100).optional(),
    report: z.unknown().refine((value) => value !== undefined && value !== null, "the report to import is missing"),
  })
  .strict();

export type TImportBody = z.infer<typeof ZImportBody>;

// The envelope around the file: `{"clusterName":"…","report":` and `}`.
const ENVELOPE_BYTES = 1024;

/** A 50 MB file (the importers' and the CLI's limit) in its envelope, decompressed; on the wire the same (gzip only shrinks it). */
export const IMPORT_LIMITS: BodyLimits = { maxBytes: MAX_IMPORT_BYTES + ENVELOPE_BYTES, maxDecompressedBytes: MAX_IMPORT_BYTES + ENVELOPE_BYTES };
