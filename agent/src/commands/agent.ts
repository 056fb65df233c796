// `shipshape agent`: collect the cluster and push snapshots to the backend on an interval
// (`--once` for one push, `--dry-run` to print exactly what would be sent and send nothing).
import os from "node:os";
import path from "node:path";
import type { Command } from "commander";
import { collectCluster, type CollectedSnapshot } from "../collect/collect-cluster";
import { KubeClient, loadKubeConfig } from "../collect/kube-client";
import { EXIT_OK, EXIT_RUNTIME, RuntimeFailure, UsageError } from "../errors";
import { AuthRejectedError, BackendClient } from "../transport/backend-client";
import { pushSnapshot } from "../transport/push-snapshot";
import { Spool } from "../transport/spool";

export interface AgentOptions {
  server?: string;
  token?: string;
  kubeconfig?: string;
  context?: string;
  inCluster?: boolean;
  clusterName?: string;
  interval: string;
  once?: boolean;
  dryRun?: boolean;
  include?: string;
  exclude?: string;
  concurrency: string;
  pageSize: string;
  timeout: string;
  spoolDir?: string;
  caFile?: string;
}

function log(message: string, fields: Record<string, unknown> = {}): void {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), msg: message, ...fields })}\n`);
}

function positive(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} takes a positive number`);
  return n;
}

/** What --dry-run prints: the manifest and every body, exactly as they would be sent. */
export function dryRunPayload(snapshot: CollectedSnapshot): string {
  const bodies = [...snapshot.bodies].map(([hash, text]) => `{"hash":"${hash}","body":${text}}`);
  return `{"manifest":${JSON.stringify(snapshot.manifest)},"objects":[${bodies.join(",")}]}\n`;
}

export async function runAgentCommand(options: AgentOptions): Promise<number> {
  const server = options.server ?? process.env.SHIPSHAPE_SERVER;
  const token = options.token ?? process.env.SHIPSHAPE_TOKEN;
  if (!options.dryRun && (!server || !token)) throw new UsageError("--server and --token (or SHIPSHAPE_SERVER / SHIPSHAPE_TOKEN) are required unless --dry-run");
  const intervalMs = positive(options.interval, "--interval") * 1000;
  const timeoutMs = positive(options.timeout, "--timeout") * 1000;
  let kube: KubeClient;
  try {
    kube = new KubeClient(
      loadKubeConfig({ kubeconfig: options.kubeconfig, context: options.context, inCluster: options.inCluster }),
      { timeoutMs },
    );
  } catch (error) {
    throw new UsageError(`cannot load the Kubernetes configuration: ${(error as Error).message}`, { cause: error });
  }
  const collectOnce = () =>
    collectCluster(kube, {
      include: options.include?.split(",").map((s) => s.trim()).filter(Boolean),
      exclude: options.exclude ? options.exclude.split(",").map((s) => s.trim()).filter(Boolean) : undefined,
      concurrency: positive(options.concurrency, "--concurrency"),
      pageSize: positive(options.pageSize, "--page-size"),
      clusterName: options.clusterName,
    });

  if (options.dryRun) {
    const snapshot = await collectOnce();
    await new Promise<void>((resolve, reject) => process.stdout.write(dryRunPayload(snapshot), (e) => (e ? reject(e) : resolve())));
    return EXIT_OK;
  }

  const spool = new Spool({ dir: options.spoolDir ?? path.join(os.tmpdir(), "shipshape-spool") });
  const backend = new BackendClient({ server: server!, token: token!, caFile: options.caFile, retries: options.once ? 2 : 4 });
  let stopping = false;
  const stop = () => {
    stopping = true;
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  try {
    for (;;) {
      try {
        const started = performance.now();
        const snapshot = await collectOnce();
        log("collected", {
          ms: Math.round(performance.now() - started),
          objects: snapshot.manifest.objects.length,
          collectionErrors: snapshot.manifest.collectionErrors.length,
          cluster: snapshot.manifest.cluster.uid,
        });
        const dropped = await spool.put(snapshot);
        if (dropped.length) log("spool full: dropped the oldest undelivered snapshots", { dropped });
      } catch (error) {
        log("collection failed", { error: (error as Error).message });
        if (options.once) throw new RuntimeFailure(`collection failed: ${(error as Error).message}`, { cause: error });
      }
      const result = await spool.flush(async (s) => {
        const pushed = await pushSnapshot(backend, s);
        log("pushed", { ...pushed, collectedAt: s.manifest.collectedAt });
      });
      if (result.error) {
        log("backend unreachable: snapshots stay in the spool", { remaining: result.remaining, error: result.error.message });
        if (result.error instanceof AuthRejectedError) throw new RuntimeFailure(result.error.message, { cause: result.error });
        if (options.once) return EXIT_RUNTIME;
      }
      if (options.once || stopping) {
        if (process.env.SHIPSHAPE_REPORT_RESOURCES) log("resources", { maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) });
        return EXIT_OK;
      }
      const until = Date.now() + intervalMs;
      while (!stopping && Date.now() < until) await new Promise((r) => setTimeout(r, Math.min(1000, until - Date.now())));
      if (stopping) return EXIT_OK;
    }
  } finally {
    await backend.close();
  }
}

export function registerAgentCommand(program: Command): void {
  program
    .command("agent")
    .description("Collect this cluster's objects and push snapshots to the Shipshape backend (read-only, egress only)")
    .option("--server <url>", "backend URL (or SHIPSHAPE_SERVER)")
    .option("--token <token>", "agent token (or SHIPSHAPE_TOKEN)")
    .option("--kubeconfig <file>", "kubeconfig file (default: KUBECONFIG or ~/.kube/config)")
    .option("--context <name>", "kubeconfig context")
    .option("--in-cluster", "use the pod's service account")
    .option("--cluster-name <name>", "name shown for this cluster in the dashboard")
    .option("--interval <seconds>", "seconds between scans", "3600")
    .option("--once", "collect and push once, then exit")
    .option("--dry-run", "print exactly what would be sent and send nothing")
    .option("--include <types>", "only these resource types (comma-separated: pods, deployments.apps, Kind, group/*)")
    .option("--exclude <types>", "skip these resource types (replaces the default high-churn list)")
    .option("--concurrency <n>", "resource types listed in parallel", "4")
    .option("--page-size <n>", "objects per list page (smaller pages keep memory lower)", "250")
    .option("--timeout <seconds>", "timeout of each Kubernetes API request", "30")
    .option("--spool-dir <dir>", "where undelivered snapshots wait")
    .option("--ca-file <pem>", "extra CA certificates to trust for the backend")
    .action(async (options: AgentOptions) => {
      process.exitCode = await runAgentCommand(options);
    });
}
