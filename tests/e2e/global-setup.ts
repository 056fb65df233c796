// One world for the e2e run: a fresh database (F1's helper), migrated and seeded with the demo
// through the project's own npm scripts, and the production build serving it on a free port.
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { startAppServer, PROJECT_ROOT } from "../support/app-server";
import { createTestDatabase } from "../support/test-database";

function npmRun(script: string, env: NodeJS.ProcessEnv): void {
  const result = spawnSync("npm", ["run", "--silent", script], { cwd: PROJECT_ROOT, env, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`npm run ${script} failed (exit ${result.status})`);
}

function startWorker(env: NodeJS.ProcessEnv) {
  const logDir = path.join(PROJECT_ROOT, "test-results", "app-server");
  mkdirSync(logDir, { recursive: true });
  const log = createWriteStream(path.join(logDir, "e2e-worker.log"));
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, "node_modules/tsx/dist/cli.mjs"), path.join(PROJECT_ROOT, "scripts/worker.ts")], { cwd: PROJECT_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  return child;
}

function stopChild(child: ReturnType<typeof spawn>): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
  });
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium")) {
    throw new Error("Chromium not found at /usr/bin/chromium: run `apt-get install -y chromium` (Playwright must not download browsers)");
  }
  const database = await createTestDatabase();
  try {
    const env = { ...process.env, DATABASE_URL: database.url };
    npmRun("db:migrate", env);
    npmRun("db:seed", env);
    const server = await startAppServer({ databaseUrl: database.url });
    // An evaluation worker, as `npm start` runs one: exception changes re-score clusters through the queue.
    const worker = startWorker(env);
    process.env.SHIPSHAPE_E2E_URL = server.url;
    process.env.SHIPSHAPE_E2E_SCREENSHOTS = path.join(PROJECT_ROOT, "artifacts", "screenshots");
    console.log(`e2e: ${server.url} on ${database.kind === "postgres" ? `database ${database.name}` : "embedded PostgreSQL"} (server log: ${server.logFile})`);
    return async () => {
      await stopChild(worker);
      await server.stop();
      await database.drop();
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}
