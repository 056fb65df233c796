// Builds the Next.js app once (when .next is missing or older than its sources) and starts it on
// a free 127.0.0.1 port against a given database — the real production server, as deployed.
// Used by the API integration tests and by Playwright's global setup.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync, createWriteStream } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import path from "node:path";

export const PROJECT_ROOT = path.resolve(__dirname, "../..");
const NEXT_DIR = path.join(PROJECT_ROOT, ".next");
const BUILD_ID = path.join(NEXT_DIR, "BUILD_ID");
// Several test runs (and `npm start`) may want a build at once; one builds, the others wait.
const BUILD_LOCK = path.join(tmpdir(), `shipshape-next-build-${createHash("sha256").update(PROJECT_ROOT).digest("hex").slice(0, 12)}.lock`);
const LOG_DIR = path.join(PROJECT_ROOT, "test-results", "app-server");

// Everything that changes what `next build` produces.
const BUILD_INPUTS = ["app", "components", "lib", "public", "proxy.ts", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package.json", "package-lock.json", "prisma/schema.prisma"];

function newestModification(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) {
    if (child === "node_modules" || child.startsWith(".")) continue;
    newest = Math.max(newest, newestModification(path.join(entry, child)));
  }
  return newest;
}

/** Why a (re)build is needed, or null when .next is current. */
export function staleBuildReason(): string | null {
  if (!existsSync(BUILD_ID)) return "no build in .next";
  const builtAt = statSync(BUILD_ID).mtimeMs;
  for (const input of BUILD_INPUTS) {
    if (newestModification(path.join(PROJECT_ROOT, input)) > builtAt) return `${input} changed since the last build`;
  }
  return null;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function withBuildLock<T>(fn: () => Promise<T>, timeoutMs = 15 * 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = openSync(BUILD_LOCK, "wx");
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(BUILD_LOCK, "utf8").trim());
      // A lock left by a killed process would block every later run.
      if (!Number.isInteger(holder) || holder <= 0 || !pidAlive(holder)) {
        try {
          unlinkSync(BUILD_LOCK);
        } catch {
          /* another waiter removed it first */
        }
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for the build lock held by pid ${holder}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    return await fn();
  } finally {
    try {
      unlinkSync(BUILD_LOCK);
    } catch {
      /* already gone */
    }
  }
}

function nextBin(): string {
  return createRequire(__filename).resolve("next/dist/bin/next");
}

/** Runs `next build` when the build is missing or stale; concurrent callers build once. */
export async function ensureAppBuilt(log: (line: string) => void = (l) => console.log(l)): Promise<void> {
  if (!staleBuildReason()) return;
  await withBuildLock(async () => {
    const reason = staleBuildReason();
    if (!reason) return;
    log(`app-server: building the app (${reason})…`);
    const started = Date.now();
    mkdirSync(LOG_DIR, { recursive: true });
    const logFile = path.join(LOG_DIR, "next-build.log");
    await new Promise<void>((resolve, reject) => {
      const out = createWriteStream(logFile);
      const child = spawn(process.execPath, [nextBin(), "build"], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      child.stdout.pipe(out);
      child.stderr.pipe(out);
      child.on("error", reject);
      child.on("exit", (code) => {
        out.end();
        if (code === 0) return resolve();
        const tail = existsSync(logFile) ? readFileSync(logFile, "utf8").split("\n").slice(-40).join("\n") : "";
        reject(new Error(`next build failed (exit ${code}); log: ${logFile}\n${tail}`));
      });
    });
    log(`app-server: built in ${Math.round((Date.now() - started) / 1000)} s`);
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export type AppServer = { url: string; port: number; process: ChildProcess; logFile: string; stop(): Promise<void> };

export type StartAppServerOptions = {
  databaseUrl: string;
  /** Extra environment (e.g. OIDC settings); AUTH_SECRET and AUTH_URL are set unless given here. */
  env?: Record<string, string>;
  timeoutMs?: number;
  /** Resolve once the server answers at all, even 503 (for tests of an unreachable database). */
  acceptUnhealthy?: boolean;
};

/** Builds if needed and starts `next start` on a free port; resolves once /api/health answers 200. */
export async function startAppServer(options: StartAppServerOptions): Promise<AppServer> {
  await ensureAppBuilt();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = path.join(LOG_DIR, `server-${port}.log`);
  const out = createWriteStream(logFile);
  const child = spawn(process.execPath, [nextBin(), "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: options.databaseUrl,
      DATABASE_POOL_SIZE: "5",
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      AUTH_URL: url,
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);

  let exited = false;
  child.once("exit", () => (exited = true));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (exited) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => !exited && child.kill("SIGKILL"), 5000).unref();
    });

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (exited) break;
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) });
      if (res.status === 200 || options.acceptUnhealthy) return { url, port, process: child, logFile, stop };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  await stop();
  const tail = existsSync(logFile) ? readFileSync(logFile, "utf8").split("\n").slice(-30).join("\n") : "";
  throw new Error(`app server on ${url} did not become healthy; log: ${logFile}\n${tail}`);
}
