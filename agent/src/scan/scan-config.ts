// Reads --settings and --exceptions files (YAML or JSON), validated with zod.
import fs from "node:fs/promises";
import { parse } from "yaml";
import { z } from "zod";
import type { ExceptionRule } from "../../../lib/engine/exceptions";
import { DEFAULT_SETTINGS, type ScanSettings } from "../../../lib/engine/settings";
import { UsageError } from "../errors";

const ZExceptionRule = z
  .object({
    id: z.string().min(1).optional(),
    controlIds: z.array(z.string().regex(/^(SS-\d{4}|\*)$/, "control ids look like SS-0057 or *")).min(1),
    match: z
      .object({
        clusters: z.array(z.string()).optional(),
        namespaces: z.array(z.string()).optional(),
        kinds: z.array(z.string()).optional(),
        names: z.array(z.string()).optional(),
        labels: z.record(z.string(), z.string()).optional(),
      })
      .strict()
      .default({}),
    reason: z.string().min(1),
    owner: z.string().optional(),
    expiresAt: z.union([z.string(), z.date()]).optional().nullable(),
  })
  .strict();

const ZExceptionsFile = z.union([z.array(ZExceptionRule), z.object({ exceptions: z.array(ZExceptionRule) }).strict()]);

async function readStructured(file: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${what} file ${file}: ${(error as Error).message}`, { cause: error });
  }
  try {
    return parse(text, { version: "1.1" });
  } catch (error) {
    throw new UsageError(`${what} file ${file} is not valid YAML/JSON: ${(error as Error).message.split("\n")[0]}`, { cause: error });
  }
}

function describeZodError(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
}

export async function loadExceptionsFile(file: string): Promise<ExceptionRule[]> {
  const raw = await readStructured(file, "exceptions");
  const parsed = ZExceptionsFile.safeParse(raw);
  if (!parsed.success) throw new UsageError(`exceptions file ${file}: ${describeZodError(parsed.error)}`);
  const list = Array.isArray(parsed.data) ? parsed.data : parsed.data.exceptions;
  return list.map((rule, i) => ({
    ...rule,
    id: rule.id ?? `file-${i + 1}`,
    expiresAt: rule.expiresAt instanceof Date ? rule.expiresAt.toISOString() : rule.expiresAt ?? null,
  }));
}

export async function loadSettingsFile(file: string): Promise<Partial<ScanSettings>> {
  const raw = await readStructured(file, "settings");
  const shape = Object.fromEntries(
    Object.entries(DEFAULT_SETTINGS).map(([key, value]) => [
      key,
      (Array.isArray(value) ? z.array(z.string()) : typeof value === "number" ? z.number() : z.string()).optional(),
    ]),
  );
  const parsed = z.object(shape).strict().safeParse(raw ?? {});
  if (!parsed.success) throw new UsageError(`settings file ${file}: ${describeZodError(parsed.error)}`);
  return parsed.data as Partial<ScanSettings>;
}
