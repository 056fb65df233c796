// Building and serving the Next.js app for `npm start`.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export const PROJECT_ROOT = path.resolve(__dirname, "../..");
const NEXT_DIR = path.join(PROJECT_ROOT, ".next");
const BUILD_ID = path.join(NEXT_DIR, "BUILD_ID");
const STANDALONE_SERVER = path.join(NEXT_DIR, "standalone/server.js");

// Everything that changes what `next build` produces.
const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
  "prisma/schema.prisma",
];

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

/** Why the app needs a (re)build, or null when `.next` is current. */
export function buildNeededBecause(): string | null {
  if (!existsSync(BUILD_ID)) return "no build in .next";
  const builtAt = statSync(BUILD_ID).mtimeMs;
  for (const input of BUILD_INPUTS) {
    if (newestModification(path.join(PROJECT_ROOT, input)) > builtAt) return `${input} changed since the last build`;
  }
  return null;
}

function nextBin(): string {
  return createRequire(__filename).resolve("next/dist/bin/next");
}

export function runNextBuild(env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin(), "build"], { cwd: PROJECT_ROOT, env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`next build failed (${signal ?? `exit code ${code}`})`)),
    );
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
