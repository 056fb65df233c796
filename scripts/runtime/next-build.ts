// When the Next.js app needs a (re)build, and one build at a time: shared by `npm start`
// (scripts/start.ts) and the tests' app server (tests/support/app-server.ts), which may run at once.
import { closeSync, existsSync, openSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";

export const PROJECT_ROOT = path.resolve(__dirname, "../..");
export const NEXT_DIR = path.join(PROJECT_ROOT, ".next");
const BUILD_ID = path.join(NEXT_DIR, "BUILD_ID");
const BUILD_LOCK = path.join(tmpdir(), `shipshape-next-build-${createHash("sha256").update(PROJECT_ROOT).digest("hex").slice(0, 12)}.lock`);

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
export function staleBuildReason(): string | null {
  if (!existsSync(BUILD_ID)) return "no build in .next";
  const builtAt = statSync(BUILD_ID).mtimeMs;
  for (const input of BUILD_INPUTS) {
    if (newestModification(path.join(PROJECT_ROOT, input)) > builtAt) return `${input} changed since the last build`;
  }
  return null;
}

export function nextBin(): string {
  return createRequire(__filename).resolve("next/dist/bin/next");
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Runs `fn` holding a machine-wide lock for this checkout's build; a lock of a dead process is taken over. */
export async function withBuildLock<T>(fn: () => Promise<T>, timeoutMs = 15 * 60_000): Promise<T> {
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
