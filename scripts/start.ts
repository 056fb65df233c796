// `npm start`: one command from a fresh clone to a populated dashboard.
//   database  DATABASE_URL, or an embedded PGlite server on 127.0.0.1 with its data in .data/pglite
//             (SHIPSHAPE_DATA_DIR moves .data)
//   migrate   pending migrations (offline wasm engine)
//   seed      the demo organizations (embedded database: when empty, and topped up on every start;
//             external database: only with SHIPSHAPE_SEED_DEMO=true)
//   build     `next build` when .next is missing or older than the sources
//   serve     http://127.0.0.1:3000 (HOST/PORT override), until Ctrl-C or SIGTERM stop everything
// `npm start -- --dev` runs `next dev` instead of build + serve.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import { createPrismaClient, getPoolSize } from "@/lib/db/client";
import { embeddedDataDir, localDataDir, resolveDatabase, type ResolvedDatabase } from "@/lib/db/local-database";
import { deployMigrations } from "@/lib/db/migration/schema-migrations";
import { DEMO_ORGS } from "@/prisma/seed/demo-fleet";
import { databaseHasNoOrganizations, seedDemo, type SeedDemoResult } from "@/prisma/seed/seed-demo";
import { buildNeededBecause, runNextBuild, serveNext, waitUntilServing } from "./runtime/next-server";

const STARTUP_TIMEOUT_MS = 180_000;
const STOP_GRACE_MS = 10_000;
// The demo agents "push" every few minutes in the real product; keep the demo fleet current.
const DEMO_REFRESH_MS = 10 * 60_000;

type SeedPolicy = "auto" | "always" | "never";

function seedPolicy(env: NodeJS.ProcessEnv): SeedPolicy {
  const raw = env.SHIPSHAPE_SEED_DEMO?.trim().toLowerCase();
  if (!raw) return "auto";
  if (["1", "true", "yes"].includes(raw)) return "always";
  if (["0", "false", "no"].includes(raw)) return "never";
  throw new Error(`SHIPSHAPE_SEED_DEMO must be true or false (got "${env.SHIPSHAPE_SEED_DEMO}")`);
}

function parsePort(raw: string | undefined): number {
  if (!raw) return 3000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`PORT must be a TCP port number (got "${raw}")`);
  return port;
}

function assertPortFree(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new Error(`${host}:${port} is already in use (another Shipshape?). Stop it or set PORT.`)
          : error,
      ),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/** Auth.js needs a stable secret; a fresh install gets a random one kept in the data directory. */
function authSecret(env: NodeJS.ProcessEnv): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  const dataDir = localDataDir(env);
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * Hook for background processes that share the web app's database (the snapshot evaluation
 * worker arrives with the ingest pipeline). Each returned child is stopped on shutdown.
 */
function startBackgroundWorkers(env: NodeJS.ProcessEnv): ChildProcess[] {
  // One evaluation worker (scripts/worker.ts); more can run anywhere with `npm run worker`.
  const root = path.resolve(__dirname, "..");
  const tsx = path.join(root, "node_modules/tsx/dist/cli.mjs");
  return [spawn(process.execPath, [tsx, path.join(root, "scripts/worker.ts")], { cwd: root, env, stdio: "inherit" })];
}

function stopChild(child: ChildProcess, name: string): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      console.error(`shipshape: ${name} did not stop within ${STOP_GRACE_MS / 1000} s; killing it`);
      child.kill("SIGKILL");
    }, STOP_GRACE_MS);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

function printBanner(url: string, database: ResolvedDatabase, seeded: SeedDemoResult | null, env: NodeJS.ProcessEnv) {
  const where =
    database.source === "env"
      ? "PostgreSQL from DATABASE_URL"
      : `embedded PostgreSQL (PGlite) on ${new URL(database.url).host}, data in ${path.relative(process.cwd(), embeddedDataDir(env)) || "."}`;
  const lines = ["", `  Shipshape is running at ${url}`, `  database: ${where}`];
  if (seeded) {
    lines.push("  demo sign-in:");
    for (const login of seeded.logins) lines.push(`    ${login.email} / ${login.password}   ${login.role}`);
  }
  lines.push("  Press Ctrl-C to stop.", "");
  console.log(lines.join("\n"));
}

async function main(): Promise<void> {
  const dev = process.argv.includes("--dev");
  const env: NodeJS.ProcessEnv = { ...process.env };
  const host = env.HOST?.trim() || "127.0.0.1";
  const port = parsePort(env.PORT);
  const policy = seedPolicy(env);
  const poolSize = getPoolSize(env);
  await assertPortFree(host, port);

  const database = await resolveDatabase({
    env,
    // The embedded server rejects connections over its limit: room for the app's pool, this
    // process, a worker pool and a `npm run db:seed` from another terminal.
    maxConnections: Math.max(20, 2 * poolSize + 8),
  });
  console.log(
    database.source === "env"
      ? "shipshape: using DATABASE_URL"
      : database.source === "embedded"
        ? `shipshape: embedded PostgreSQL started on ${new URL(database.url).host}`
        : `shipshape: using the embedded PostgreSQL already served by another process (${new URL(database.url).host})`,
  );

  const children: { name: string; child: ChildProcess }[] = [];
  let shuttingDown: Promise<void> | undefined;
  let refreshTimer: NodeJS.Timeout | undefined;
  const prisma = createPrismaClient({ url: database.url, poolSize: 1 });
  const shutdown = (code: number) => {
    shuttingDown ??= (async () => {
      clearInterval(refreshTimer);
      // Web server and workers first: they hold database connections.
      await Promise.all(children.map(({ child, name }) => stopChild(child, name)));
      await prisma.$disconnect().catch(() => undefined);
      await database.release();
      console.log(code === 0 ? "shipshape: stopped" : "shipshape: stopped after an error");
      process.exit(code);
    })();
    return shuttingDown;
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    const applied = await deployMigrations({ url: database.url });
    console.log(applied.length ? `shipshape: applied migrations ${applied.join(", ")}` : "shipshape: database schema is up to date");

    const demoOrgExists = (await prisma.organization.count({ where: { slug: DEMO_ORGS[0].slug } })) > 0;
    const embedded = database.source !== "env";
    const seedDemoData =
      policy === "always" || (policy === "auto" && embedded && (demoOrgExists || (await databaseHasNoOrganizations(prisma))));
    let seeded: SeedDemoResult | null = null;
    if (seedDemoData) {
      seeded = await seedDemo(prisma);
      const c = seeded.created;
      console.log(`shipshape: demo data ready (${c.clusters} cluster(s), ${c.snapshots} snapshot(s) added)`);
      refreshTimer = setInterval(() => {
        seedDemo(prisma).catch((error: unknown) => console.error("shipshape: demo refresh failed:", error));
      }, DEMO_REFRESH_MS);
      refreshTimer.unref();
    }

    const childEnv: NodeJS.ProcessEnv = {
      ...env,
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: String(poolSize),
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_SECRET: authSecret(env),
      AUTH_URL: env.AUTH_URL ?? `http://${host}:${port}`,
    };

    if (!dev) {
      const reason = buildNeededBecause();
      if (reason) {
        console.log(`shipshape: building the web app (${reason})…`);
        await runNextBuild({ ...childEnv, NODE_ENV: "production" });
      }
    }

    const web = serveNext({ host, port, env: { ...childEnv, NODE_ENV: dev ? "development" : "production" }, dev });
    children.push({ name: "web server", child: web });
    web.on("exit", (code, signal) => {
      if (shuttingDown) return;
      // Ctrl-C in a terminal signals the whole process group: the server may see it first.
      if (code === 0 || signal === "SIGINT" || signal === "SIGTERM") {
        void shutdown(0);
        return;
      }
      console.error(`shipshape: web server stopped unexpectedly (${signal ?? `exit code ${code}`})`);
      void shutdown(code || 1);
    });
    for (const worker of startBackgroundWorkers(childEnv)) children.push({ name: "worker", child: worker });

    const url = `http://${host}:${port}`;
    await waitUntilServing(`${url}/api/health`, web, STARTUP_TIMEOUT_MS);
    printBanner(url, database, seeded, env);
  } catch (error) {
    console.error(`shipshape: ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
  }
}

main().catch((error: unknown) => {
  console.error(`shipshape: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
