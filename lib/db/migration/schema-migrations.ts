import { readFileSync } from "node:fs";
import path from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  type ErrorCapturingSqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine, SchemaFilter } from "@prisma/schema-engine-wasm";
import { lastEnginePanic, loadSchemaEngine } from "./load-schema-engine";
import { MigrationAdapterFactory, type ShadowKind } from "./migration-adapter-factory";
import { readMigrationsList, writeMigration } from "./migrations-directory";

const PROJECT_ROOT = path.resolve(__dirname, "../../..");
export const DEFAULT_SCHEMA_PATH = path.join(PROJECT_ROOT, "prisma/schema.prisma");
export const DEFAULT_MIGRATIONS_DIR = path.join(PROJECT_ROOT, "prisma/migrations");

const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

export interface MigrationTarget {
  /** Database to migrate; null for commands that only need a shadow database. */
  url: string | null;
  schemaPath?: string;
  migrationsDir?: string;
  shadow?: ShadowKind | "auto";
  log?: (message: string) => void;
}

interface EngineLogLine {
  level?: string;
  fields?: { message?: string };
}

async function withSchemaEngine<T>(
  target: MigrationTarget,
  run: (engine: SchemaEngine, schemaFile: { path: string; content: string }) => Promise<T>,
): Promise<T> {
  const { SchemaEngine } = await loadSchemaEngine();
  const schemaPath = target.schemaPath ?? DEFAULT_SCHEMA_PATH;
  const schemaFile = { path: schemaPath, content: readFileSync(schemaPath, "utf8") };
  const factory = new MigrationAdapterFactory({ url: target.url, shadow: target.shadow, log: target.log });
  const onEngineLog = (line: string) => {
    let parsed: EngineLogLine;
    try {
      parsed = JSON.parse(line) as EngineLogLine;
    } catch {
      return;
    }
    if (parsed.level === "WARN" || parsed.level === "ERROR") target.log?.(`schema engine: ${parsed.fields?.message ?? line}`);
  };
  const boundFactory = bindMigrationAwareSqlAdapterFactory(factory);
  let engine: SchemaEngine | undefined;
  try {
    engine = await SchemaEngine.new(
      { datamodels: [[schemaFile.path, schemaFile.content]] },
      onEngineLog,
      boundFactory,
    );
    return await run(engine, schemaFile);
  } catch (error) {
    throw toMigrationError(error, boundFactory.errorRegistry);
  } finally {
    engine?.free();
    await factory.dispose();
  }
}

export class MigrationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MigrationError";
  }
}

const EXTERNAL_ERROR = /External error id#(\d+)/;

// The engine rejects with plain objects or strings as often as with Errors, and reports errors
// thrown by our adapter code only as "External error id#N" (the error itself stays in the registry).
function toMigrationError(error: unknown, registry: ErrorCapturingSqlMigrationAwareDriverAdapterFactory["errorRegistry"]): Error {
  if (error instanceof MigrationError) return error;
  const external = EXTERNAL_ERROR.exec(error instanceof Error ? error.message : String((error as { message?: unknown })?.message ?? error));
  if (external) {
    const original = registry.consumeError(Number(external[1]))?.error;
    if (original !== undefined) {
      const message = original instanceof Error ? original.message : String(original);
      return new MigrationError(message, { cause: original });
    }
  }
  const panic = lastEnginePanic();
  if (panic) return new MigrationError(`schema engine panicked: ${panic}`, { cause: error });
  if (error instanceof Error) return new MigrationError(error.message, { cause: error });
  if (typeof error === "object" && error !== null) {
    const message = (error as { message?: unknown }).message;
    return new MigrationError(typeof message === "string" ? message : JSON.stringify(error), { cause: error });
  }
  return new MigrationError(String(error), { cause: error });
}

/** Applies every pending migration, like `prisma migrate deploy`. Returns the names applied now. */
export async function deployMigrations(target: MigrationTarget & { url: string }): Promise<string[]> {
  const migrationsList = readMigrationsList(target.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  if (migrationsList.migrationDirectories.length === 0) {
    throw new MigrationError(`no migrations found in ${migrationsList.baseDir}`);
  }
  return withSchemaEngine(target, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
    return appliedMigrationNames;
  });
}

export interface CreatedMigration {
  name: string;
  file: string;
  script: string;
}

/**
 * Generates a migration from the difference between the migrations history and schema.prisma,
 * writes it, and applies it to the target database (the `prisma migrate dev --name` flow).
 * Returns null when the schema has no changes.
 */
export async function createMigration(
  target: MigrationTarget & { url: string; name: string },
): Promise<CreatedMigration | null> {
  if (!/^[a-z0-9_]+$/.test(target.name)) {
    throw new MigrationError(`migration name "${target.name}" must be snake_case (a-z, 0-9, _)`);
  }
  const migrationsDir = target.migrationsDir ?? DEFAULT_MIGRATIONS_DIR;
  // Pending migrations go in first, through their own engine: after applyMigrations the same
  // engine no longer reaches its shadow-database factory ("shadow DB must be provided through
  // an external factory").
  const pending = await withSchemaEngine(target, (engine) =>
    engine.applyMigrations({ migrationsList: readMigrationsList(migrationsDir), filters: NO_FILTER }),
  );
  if (pending.appliedMigrationNames.length) {
    target.log?.(`applied pending migrations first: ${pending.appliedMigrationNames.join(", ")}`);
  }
  const created = await withSchemaEngine(target, async (engine, schemaFile) => {
    const migrationsList = readMigrationsList(migrationsDir);
    // createMigration fails on an engine that has not run devDiagnostic first.
    const diagnostic = await engine.devDiagnostic({ migrationsList, filters: NO_FILTER });
    if (diagnostic.action.tag === "reset") {
      throw new MigrationError(
        `the database does not match the migrations history (${diagnostic.action.reason}); ` +
          "create migrations against a fresh development database",
      );
    }
    const result = await engine.createMigration({
      draft: false,
      migrationName: target.name,
      migrationsList,
      schema: { files: [schemaFile] },
      filters: NO_FILTER,
    });
    if (!result.migrationScript) return null;
    const file = writeMigration(migrationsDir, result.generatedMigrationName, result.migrationScript);
    return { name: result.generatedMigrationName, file, script: result.migrationScript };
  });
  if (created) {
    await withSchemaEngine(target, (engine) =>
      engine.applyMigrations({ migrationsList: readMigrationsList(migrationsDir), filters: NO_FILTER }),
    );
  }
  return created;
}

export interface DriftReport {
  drifted: boolean;
  /** SQL that would bring the migrations up to schema.prisma; empty when in sync. */
  script: string;
}

/**
 * Compares the schema the migrations produce (replayed on a shadow database) with schema.prisma.
 */
export async function checkSchemaDrift(target: MigrationTarget): Promise<DriftReport> {
  const migrationsList = readMigrationsList(target.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  return withSchemaEngine(target, async (engine, schemaFile) => {
    const result = await engine.diff({
      from: { tag: "migrations", ...migrationsList },
      to: { tag: "schemaDatamodel", files: [schemaFile] },
      script: true,
      exitCode: true,
      filters: NO_FILTER,
    });
    const script = (result.stdout ?? "").trim();
    const onlyComments = script.split("\n").every((line) => !line.trim() || line.trim().startsWith("--"));
    return { drifted: result.exitCode === 2 && !onlyComments, script: onlyComments ? "" : script };
  });
}

/** The SQL that creates schema.prisma from an empty database (used to write the first migration). */
export async function schemaCreationScript(target: Omit<MigrationTarget, "url">): Promise<string> {
  return withSchemaEngine({ ...target, url: null }, async (engine, schemaFile) => {
    const result = await engine.diff({
      from: { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [schemaFile] },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    return result.stdout ?? "";
  });
}
