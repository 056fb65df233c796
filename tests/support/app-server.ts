// Builds the Next.js app once (when .next is missing or older than its sources) and starts it on
// a free 127.0.0.1 port against a given database — the real production server, as deployed.
// Used by the API integration tests and by Playwright's global setup.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { nextBin, PROJECT_ROOT, staleBuildReason, withBuildLock } from "../../scripts/runtime/next-build";

const LOG_DIR = path.join(PROJECT_ROOT, "test-results", "app-server");

export { PROJECT_ROOT, staleBuildReason };

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
