// The agent side of bench:agent, alone in its process: collect + normalize + hash the cluster,
// push it, push it again unchanged; prints timings, bytes and this process's peak RSS as JSON.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { collectCluster } from "../../agent/src/collect/collect-cluster";
import { KubeClient, loadKubeConfig } from "../../agent/src/collect/kube-client";
import { BackendClient } from "../../agent/src/transport/backend-client";
import { pushSnapshot } from "../../agent/src/transport/push-snapshot";

async function main() {
  const [kubeconfigText, server, token] = [process.env.BENCH_KUBECONFIG!, process.env.BENCH_SERVER!, process.env.BENCH_TOKEN!];
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bench-agent-")), "kubeconfig");
  fs.writeFileSync(file, kubeconfigText);
  const kube = new KubeClient(loadKubeConfig({ kubeconfig: file }), { timeoutMs: 60_000 });
  const t0 = performance.now();
  const snapshot = await collectCluster(kube, { pageSize: 500 });
  const collectMs = performance.now() - t0;
  const rssAfterCollect = process.resourceUsage().maxRSS / 1024;
  const backend = new BackendClient({ server, token, retries: 2, timeoutMs: 300_000 });
  const t1 = performance.now();
  const first = await pushSnapshot(backend, snapshot);
  const firstMs = performance.now() - t1;
  const again = await collectCluster(kube, { pageSize: 500 });
  const t2 = performance.now();
  const second = await pushSnapshot(backend, again);
  const secondMs = performance.now() - t2;
  await backend.close();
  process.stdout.write(
    `${JSON.stringify({
      objects: snapshot.manifest.objects.length,
      collectMs,
      rssAfterCollectMb: rssAfterCollect,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      first: { ...first, ms: firstMs },
      second: { ...second, ms: secondMs },
    })}\n`,
  );
}
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
