import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface EmbeddedPostgres {
  /** postgresql:// URL clients (Prisma, pg, the migration engine) connect to. */
  url: string;
  port: number;
  /** Directory holding the data, or null for an in-memory instance. */
  dataDir: string | null;
  stop(): Promise<void>;
}

export interface StartEmbeddedPostgresOptions {
  /** Where PGlite keeps its files; omit for an in-memory database that vanishes on stop. */
  dataDir?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /**
   * The socket server rejects (does not queue) connections beyond this limit, so it must be at
   * least the client pool size plus any side connections (migrations, health checks).
   */
  maxConnections?: number;
}

// PGlite serves one database whatever name a client asks for (current_database() is always
// "postgres"), and it does not authenticate; the URL names that database to avoid confusion.
const EMBEDDED_DATABASE = "postgres";

/**
 * Starts PGlite (PostgreSQL compiled to wasm) in this process behind a Postgres wire-protocol
 * server bound to 127.0.0.1.
 */
export async function startEmbeddedPostgres(
  options: StartEmbeddedPostgresOptions = {},
): Promise<EmbeddedPostgres> {
  const maxConnections = options.maxConnections ?? 20;
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  const server = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port: options.port ?? 0,
    maxConnections,
  });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    throw new Error(`embedded Postgres could not listen on 127.0.0.1:${options.port ?? 0}`, { cause: error });
  }
  const port = Number(server.getServerConn().split(":").pop());

  let stopped: Promise<void> | undefined;
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/${EMBEDDED_DATABASE}?sslmode=disable`,
    port,
    dataDir: options.dataDir ?? null,
    stop() {
      stopped ??= (async () => {
        await server.stop();
        // close() checkpoints and flushes the data directory; skipping it risks a dirty data dir.
        await db.close();
      })();
      return stopped;
    },
  };
}
