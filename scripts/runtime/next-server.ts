// Building and serving the Next.js app for `npm start`.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync } from "node:fs";
import path from "node:path";
import { NEXT_DIR, nextBin, PROJECT_ROOT, staleBuildReason, withBuildLock } from "./next-build";

export { PROJECT_ROOT };

const STANDALONE_SERVER = path.join(NEXT_DIR, "standalone/server.js");

/** Why the app needs a (re)build, or null when `.next` is current. */
export const buildNeededBecause = staleBuildReason;

/** Runs `next build` under the shared build lock (a test run may be building the same checkout). */
export function runNextBuild(env: NodeJS.ProcessEnv): Promise<void> {
  return withBuildLock(async () => {
    if (!staleBuildReason()) return;
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [nextBin(), "build"], { cwd: PROJECT_ROOT, env, stdio: "inherit" });
      child.on("error", reject);
      child.on("exit", (code, signal) =>
        code === 0 ? resolve() : reject(new Error(`next build failed (${signal ?? `exit code ${code}`})`)),
      );
    });
  });
}

export interface ServeOptions {
  host: string;
  port: number;
  env: NodeJS.ProcessEnv;
  dev: boolean;
}

/**
 * Starts the app: the standalone server (what the Docker image runs) when the build produced one,
 * else `next start`; `next dev` in dev mode.
 */
export function serveNext({ host, port, env, dev }: ServeOptions): ChildProcess {
  if (dev) {
    return spawn(process.execPath, [nextBin(), "dev", "-H", host, "-p", String(port)], { cwd: PROJECT_ROOT, env, stdio: "inherit" });
  }
  if (existsSync(STANDALONE_SERVER)) {
    // The standalone server does not serve .next/static or public itself; they sit beside it.
    const standaloneDir = path.dirname(STANDALONE_SERVER);
    cpSync(path.join(NEXT_DIR, "static"), path.join(standaloneDir, ".next/static"), { recursive: true });
    const publicDir = path.join(PROJECT_ROOT, "public");
    if (existsSync(publicDir)) cpSync(publicDir, path.join(standaloneDir, "public"), { recursive: true });
    return spawn(process.execPath, [STANDALONE_SERVER], {
      cwd: standaloneDir,
      env: { ...env, HOSTNAME: host, PORT: String(port) },
      stdio: "inherit",
    });
  }
  return spawn(process.execPath, [nextBin(), "start", "-H", host, "-p", String(port)], { cwd: PROJECT_ROOT, env, stdio: "inherit" });
}

/** Resolves once `url` answers with a status below 500, rejects after `timeoutMs` or if `child` exits. */
export async function waitUntilServing(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  child.once("exit", () => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error("the web server exited during startup");
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (response.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s`);
}
