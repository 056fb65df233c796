import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQueryable,
  type SqlResultSet,
} from "@prisma/driver-adapter-utils";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
// Marks a column that was `"char"` on the wire, so the adapter wrapper can restore its type.
const CHAR_COLUMN_MARKER = "\u0000char\u0000";
const COLUMN_TYPE_CHARACTER = ColumnTypeEnum.Character;

type QueryResultLike = { fields?: { dataTypeID: number; name: string }[] };

function markCharColumns<T>(result: T): T {
  const results = Array.isArray(result) ? result : [result];
  for (const r of results as QueryResultLike[]) {
    for (const field of r?.fields ?? []) {
      if (field.dataTypeID === PG_CHAR_OID) {
        field.dataTypeID = PG_TEXT_OID;
        field.name = CHAR_COLUMN_MARKER + field.name;
      }
    }
  }
  return result;
}

/**
 * The schema engine reads pg_catalog columns of Postgres' internal one-byte `"char"` type
 * (OID 18, e.g. pg_constraint.contype) and expects them as Character values, but adapter-pg
 * rejects OID 18 as an unsupported column type. The client lets such columns through as text
 * with a marked name; restoreCharColumns() turns them back into Character columns.
 */
class CharColumnClient extends pg.Client {
  // pg's query() has many overloads; this wrapper only post-processes the result.
  query(...args: unknown[]): any {
    const [config] = args as [{ submit?: unknown } | string];
    if (typeof config === "object" && config !== null && typeof config.submit === "function") {
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const callbackIndex = args.findIndex((arg) => typeof arg === "function");
    if (callbackIndex >= 0) {
      const callback = args[callbackIndex] as (err: Error | null, res?: unknown) => void;
      args[callbackIndex] = (err: Error | null, res?: unknown) => callback(err, err ? res : markCharColumns(res));
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const pending = (super.query as (...a: unknown[]) => Promise<unknown>)(...args);
    return pending.then(markCharColumns);
  }
}

function restoreCharColumns(result: SqlResultSet): SqlResultSet {
  result.columnNames.forEach((name, index) => {
    if (name.startsWith(CHAR_COLUMN_MARKER)) {
      result.columnNames[index] = name.slice(CHAR_COLUMN_MARKER.length);
      result.columnTypes[index] = COLUMN_TYPE_CHARACTER;
    }
  });
  return result;
}

function withCharColumns<Q extends SqlQueryable>(queryable: Q): Q {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => restoreCharColumns(await queryRaw(query));
  return queryable;
}

function withCharColumnsAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  withCharColumns(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => withCharColumns(await startTransaction(isolationLevel));
  return adapter;
}

export function createMigrationPool(url: string, max = 2): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, Client: CharColumnClient });
  // A shadow database is dropped WITH (FORCE) right after its pool ends; a connection still
  // closing then receives "terminating connection due to administrator command". Without a
  // listener that late error event would crash the process. Query errors still reject normally.
  pool.on("connect", (client) => client.on("error", () => undefined));
  pool.on("error", () => undefined);
  return pool;
}

async function singleValue<T>(pool: pg.Pool, sql: string): Promise<T> {
  const { rows } = await pool.query(sql);
  return Object.values(rows[0] ?? {})[0] as T;
}

export function isEmbeddedPostgresVersion(version: string): boolean {
  return /PGlite/i.test(version);
}

export type ShadowKind = "temporary-database" | "embedded";

export interface MigrationAdapterFactoryOptions {
  /** The database migrations are applied to; null when only the shadow is needed (drift check). */
  url: string | null;
  /**
   * Where the engine's shadow database lives. "auto": a temporary database on the same server,
   * or an in-memory PGlite when the server is PGlite (one database only), cannot create
   * databases, or there is no server at all.
   */
  shadow?: ShadowKind | "auto";
  log?: (message: string) => void;
}

/**
 * Adapter factory for the wasm schema engine. Its shadow database is never the main database:
 * adapter-pg's own connectToShadowDb() connects to the main database when given a connection
 * string (which the engine then resets) and drops its temporary database before closing its pool.
 */
export class MigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = "@prisma/adapter-pg";
  private readonly cleanups = new Set<() => Promise<void>>();

  constructor(private readonly options: MigrationAdapterFactoryOptions) {}

  async connect(): Promise<SqlDriverAdapter> {
    // The engine opens its main connection even for work done only on the shadow (diffing the
    // migrations against the schema); without a database that connection goes to a scratch PGlite.
    if (!this.options.url) return this.connectEmbedded("scratch database");
    const pool = createMigrationPool(this.options.url);
    // The engine holds Prisma's migration advisory lock on this connection until it closes, and
    // engine.free() does not dispose adapters: the factory must end the pool itself, or the next
    // migration command in this process waits for the lock.
    const cleanup = this.registerCleanup(() => pool.end().catch(() => undefined));
    return withDispose(withCharColumnsAdapter(await new PrismaPg(pool).connect()), cleanup);
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const kind = await this.chooseShadowKind();
    return kind === "embedded" ? this.connectEmbedded("shadow database") : this.connectTemporaryDatabaseShadow();
  }

  /** Drops whatever shadow the engine left open (it may skip dispose() after an error). */
  async dispose(): Promise<void> {
    for (const cleanup of [...this.cleanups]) await cleanup();
  }

  private async chooseShadowKind(): Promise<ShadowKind> {
    const requested = this.options.shadow ?? "auto";
    if (requested !== "auto") return requested;
    if (!this.options.url) return "embedded";
    const pool = createMigrationPool(this.options.url, 1);
    try {
      const version = await singleValue<string>(pool, "SELECT version()");
      if (isEmbeddedPostgresVersion(version)) return "embedded";
      const canCreate = await singleValue<boolean>(
        pool,
        "SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user",
      );
      return canCreate ? "temporary-database" : "embedded";
    } finally {
      await pool.end();
    }
  }

  private registerCleanup(cleanup: () => Promise<void>): () => Promise<void> {
    let done: Promise<void> | undefined;
    const once = () => {
      done ??= cleanup().finally(() => this.cleanups.delete(once));
      return done;
    };
    this.cleanups.add(once);
    return once;
  }

  private async connectTemporaryDatabaseShadow(): Promise<SqlDriverAdapter> {
    const mainUrl = new URL(this.options.url!);
    const mainDatabase = decodeURIComponent(mainUrl.pathname.replace(/^\//, "")) || mainUrl.username;
    const shadowDatabase = `shipshape_shadow_${randomBytes(6).toString("hex")}`;
    const admin = createMigrationPool(this.options.url!, 1);
    await admin.query(`CREATE DATABASE "${shadowDatabase}"`);
    this.options.log?.(`shadow database ${shadowDatabase} created`);

    const shadowUrl = new URL(mainUrl);
    shadowUrl.pathname = `/${shadowDatabase}`;
    const shadowPool = createMigrationPool(shadowUrl.toString());

    const cleanup = this.registerCleanup(async () => {
      // Close our own connections before dropping; FORCE ends any the engine left behind.
      await shadowPool.end().catch(() => undefined);
      await admin.query(`DROP DATABASE IF EXISTS "${shadowDatabase}" WITH (FORCE)`);
      await admin.end();
      this.options.log?.(`shadow database ${shadowDatabase} dropped`);
    });

    try {
      const connected = await singleValue<string>(shadowPool, "SELECT current_database()");
      if (connected !== shadowDatabase || connected === mainDatabase) {
        throw new Error(`shadow connection reached database "${connected}", expected "${shadowDatabase}"; refusing to use it`);
      }
      const adapter = withCharColumnsAdapter(await new PrismaPg(shadowPool).connect());
      return withDispose(adapter, cleanup);
    } catch (error) {
      await cleanup();
      throw error;
    }
  }

  private async connectEmbedded(purpose: string): Promise<SqlDriverAdapter> {
    const embedded = await startEmbeddedPostgres({ maxConnections: 4 });
    this.options.log?.(`${purpose}: in-memory PGlite on port ${embedded.port}`);
    const shadowPool = createMigrationPool(embedded.url);
    const cleanup = this.registerCleanup(async () => {
      await shadowPool.end().catch(() => undefined);
      await embedded.stop();
    });
    try {
      const adapter = withCharColumnsAdapter(await new PrismaPg(shadowPool).connect());
      return withDispose(adapter, cleanup);
    } catch (error) {
      await cleanup();
      throw error;
    }
  }
}

function withDispose(adapter: SqlDriverAdapter, cleanup: () => Promise<void>): SqlDriverAdapter {
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose();
    await cleanup();
  };
  return adapter;
}
