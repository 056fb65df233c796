// npm run bench:agent — the agent against the recorded kwok cluster (15,267 live-shaped objects)
// served by the fake Kubernetes API in a separate process, pushing to the real agent route handlers
// on a throwaway PostgreSQL database (a third process). Prints collect + normalize + hash wall time,
// the agent process's peak RSS (target ≤ 200 MB), and the bytes of the first push and of an
// unchanged re-push (target ≤ 1% of the first).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { deployMigrations } from "../lib/db/migration/schema-migrations";
import { createTestDatabase } from "../tests/support/test-database";

const ROOT = path.resolve(__dirname, "..");
const TSX = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");

function run(script: string, env: Record<string, string>, untilFirstLine: boolean): { child: ChildProcess; line: Promise<string> } {
  const child = spawn(process.execPath, [TSX, path.join(ROOT, script)], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
  const line = new Promise<string>((resolve, reject) => {
    let buffer = "";
    child.stdout!.on("data", (d: Buffer) => {
      buffer += d.toString();
      const nl = buffer.indexOf("\n");
      if (untilFirstLine && nl >= 0) resolve(buffer.slice(0, nl));
    });
    child.on("exit", (code) => (code === 0 && !untilFirstLine ? resolve(buffer.trim()) : reject(new Error(`${script} exited with ${code}`))));
  });
  return { child, line };
}

async function main() {
  const database = await createTestDatabase();
  await deployMigrations({ url: database.url });
  const children: ChildProcess[] = [];
  try {
    const api = run("bench/support/fake-kube-api-process.ts", {}, true);
    const backend = run("bench/support/agent-backend-process.ts", { DATABASE_URL: database.url, SHIPSHAPE_AGENT_RATE_LIMIT: "100000" }, true);
    children.push(api.child, backend.child);
    const { kubeconfig } = JSON.parse(await api.line);
    const { url, token } = JSON.parse(await backend.line);
    const agent = run("bench/support/agent-process.ts", { BENCH_KUBECONFIG: kubeconfig, BENCH_SERVER: url, BENCH_TOKEN: token }, false);
    const r = JSON.parse(await agent.line);
    const ratio = r.second.bytes / r.first.bytes;
    console.log(`bench:agent — ${r.objects} objects from the fake API (separate process), real backend routes on PostgreSQL`);
    console.log(`  collect + normalize + hash: ${(r.collectMs / 1000).toFixed(2)} s`);
    console.log(`  agent peak RSS: ${r.peakRssMb.toFixed(0)} MB (after collection ${r.rssAfterCollectMb.toFixed(0)} MB)  [target ≤ 200 MB]`);
    console.log(`  first push: ${(r.first.bytes / 1024 / 1024).toFixed(2)} MB sent (${r.first.missing} bodies in ${r.first.chunks} chunks) in ${(r.first.ms / 1000).toFixed(2)} s`);
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
