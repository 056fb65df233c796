// npm run bench:agent — the agent against the recorded kwok cluster (15,267 live-shaped objects)
// served by the fake Kubernetes API in a separate process, pushing to the real agent route handlers
// on a throwaway PostgreSQL database (a third process). Prints collect + normalize + hash wall time,
// the agent process's peak RSS (target ≤ 200 MB), and the bytes of the first push and of an
// unchanged re-push (target ≤ 1% of the first).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { deployMigrations } from "../lib/db/migration/schema-migrations";
import { createTestDatabase } from "../tests/support/test-database";
import { runBundledAgent } from "./support/agent-process";

const ROOT = path.resolve(__dirname, "..");
/** Keep in step with agent/Dockerfile and the Helm chart's NODE_OPTIONS. */
const AGENT_NODE_OPTIONS = "--max-old-space-size=256 --max-semi-space-size=2";
const TSX = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");

function run(script: string, env: Record<string, string>): { child: ChildProcess; lines: () => Promise<string> } {
  const child = spawn(process.execPath, [TSX, path.join(ROOT, script)], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["pipe", "pipe", "inherit"] });
  const queue: string[] = [];
  const waiters: { resolve: (l: string) => void; reject: (e: Error) => void }[] = [];
  let buffer = "";
  child.stdout!.on("data", (d: Buffer) => {
    buffer += d.toString();
    let nl: number;
    while ((nl = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      const waiter = waiters.shift();
      if (waiter) waiter.resolve(line);
      else queue.push(line);
    }
  });
  child.on("exit", (code) => {
    for (const w of waiters.splice(0)) w.reject(new Error(`${script} exited with ${code}`));
  });
  const lines = () =>
    queue.length ? Promise.resolve(queue.shift()!) : new Promise<string>((resolve, reject) => waiters.push({ resolve, reject }));
  return { child, lines };
}

/** Waits until the worker has evaluated the first snapshot (the agent's next scan comes after). */
async function waitForFirstEvaluation(url: string): Promise<number> {
  const { createPrismaClient } = await import("../lib/db/client");
  const db = createPrismaClient({ url, poolSize: 1 });
  const t0 = Date.now();
  try {
    for (;;) {
      const done = await db.snapshot.count({ where: { status: "complete" } });
      if (done > 0) return Date.now() - t0;
      if (Date.now() - t0 > 600_000) throw new Error("the first snapshot was not evaluated within 10 minutes");
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await db.$disconnect();
  }
}

async function main() {
  const database = await createTestDatabase();
  await deployMigrations({ url: database.url });
  const children: ChildProcess[] = [];
  try {
    const api = run("bench/support/fake-kube-api-process.ts", {});
    const backend = run("bench/support/agent-backend-process.ts", { DATABASE_URL: database.url, SHIPSHAPE_AGENT_RATE_LIMIT: "100000" });
    children.push(api.child, backend.child);
    const { kubeconfig } = JSON.parse(await api.lines());
    const { url, token } = JSON.parse(await backend.lines());
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "bench-agent-"));
    const bundle = path.join(work, "shipshape.cjs");
    execFileSync(process.execPath, [path.join(ROOT, "scripts/build-agent.mjs"), bundle], { cwd: ROOT, stdio: "pipe" });
    const kubeconfigFile = path.join(work, "kubeconfig");
    fs.writeFileSync(kubeconfigFile, kubeconfig);
    const args = ["--kubeconfig", kubeconfigFile, "--server", url, "--token", token, "--spool-dir", path.join(work, "spool")];
    // The agent runs with the heap limits its image sets (agent/Dockerfile).
    const first = await runBundledAgent(bundle, args, AGENT_NODE_OPTIONS);
    const evaluatedIn = await waitForFirstEvaluation(database.url);
    const second = await runBundledAgent(bundle, args, AGENT_NODE_OPTIONS);
    fs.rmSync(work, { recursive: true, force: true });
    const r = {
      objects: first.objects,
      collectMs: first.collectMs,
      peakRssMb: Math.max(first.maxRssMb, second.maxRssMb),
      first: { ...first.push, ms: first.pushMs },
      second: { ...second.push, ms: second.pushMs },
    };
    const ratio = r.second.bytes / r.first.bytes;
    console.log(`bench:agent — ${r.objects} objects from the fake API (separate process), real backend routes on PostgreSQL`);
    console.log(`  collect + normalize + hash: ${(r.collectMs / 1000).toFixed(2)} s`);
    console.log(`  agent peak RSS (bundled CLI, NODE_OPTIONS ${AGENT_NODE_OPTIONS}): ${r.peakRssMb.toFixed(0)} MB  [target ≤ 200 MB]`);
    console.log(`  first push: ${(r.first.bytes / 1024 / 1024).toFixed(2)} MB sent (${r.first.missing} bodies in ${r.first.chunks} chunks) in ${(r.first.ms / 1000).toFixed(2)} s`);
    console.log(`  first snapshot evaluated by the worker ${(evaluatedIn / 1000).toFixed(1)} s after the push`);
    console.log(`  unchanged re-push: ${(r.second.bytes / 1024).toFixed(1)} KB sent (${r.second.missing} bodies) in ${(r.second.ms / 1000).toFixed(2)} s = ${(ratio * 100).toFixed(2)}% of the first  [target ≤ 1%]`);
  } finally {
    for (const c of children) c.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
