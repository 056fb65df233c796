// `shipshape node`: node mode. Runs on every node (a DaemonSet with the node's filesystem mounted
// read-only under --host-root), reads kubelet, control-plane, file, kernel and CNI facts into one
// NodeInfo, and pushes it to the backend on an interval (`--once` for one push, `--dry-run` to print
// exactly what would be sent and send nothing).
import type { Command } from "commander";
import { EXIT_OK, EXIT_RUNTIME, RuntimeFailure, UsageError } from "../errors";
import { collectNodeInfo, DEFAULT_HOST_ROOT, NodeNameUnknownError } from "../node/collect-node-info";
import { Heartbeat } from "../node/heartbeat";
import { buildNodeFactsRequest, pushNodeFacts } from "../node/push-node-facts";
import { AuthRejectedError, BackendClient } from "../transport/backend-client";

export interface NodeOptions {
  hostRoot?: string;
  nodeName?: string;
  server?: string;
  token?: string;
  clusterUid?: string;
  interval: string;
  once?: boolean;
  dryRun?: boolean;
  caFile?: string;
  timeout: string;
  heartbeatFile?: string;
}

const FIRST_RETRY_MS = 30_000;

function log(message: string, fields: Record<string, unknown> = {}): void {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), msg: message, ...fields })}\n`);
}

function positive(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} takes a positive number`);
  return n;
}

async function collect(options: NodeOptions) {
  try {
    return await collectNodeInfo({
      hostRoot: options.hostRoot ?? process.env.SHIPSHAPE_HOST_ROOT ?? DEFAULT_HOST_ROOT,
      nodeName: options.nodeName ?? process.env.NODE_NAME,
    });
  } catch (error) {
    if (error instanceof NodeNameUnknownError) throw new UsageError(error.message, { cause: error });
    throw error;
  }
}

export async function runNodeCommand(options: NodeOptions): Promise<number> {
  const server = options.server ?? process.env.SHIPSHAPE_SERVER;
  const token = options.token ?? process.env.SHIPSHAPE_TOKEN;
  const clusterUid = options.clusterUid ?? (process.env.SHIPSHAPE_CLUSTER_UID || undefined);
  if (!options.dryRun && (!server || !token)) throw new UsageError("--server and --token (or SHIPSHAPE_SERVER / SHIPSHAPE_TOKEN) are required unless --dry-run");
  const intervalMs = positive(options.interval, "--interval") * 1000;
  const timeoutMs = positive(options.timeout, "--timeout") * 1000;

  if (options.dryRun) {
    const request = buildNodeFactsRequest(await collect(options), { clusterUid });
    await new Promise<void>((resolve, reject) => process.stdout.write(`${JSON.stringify(request, null, 2)}\n`, (e) => (e ? reject(e) : resolve())));
    return EXIT_OK;
  }

  const backend = new BackendClient({ server: server!, token: token!, caFile: options.caFile, timeoutMs, retries: options.once ? 2 : 4 });
  const heartbeat = options.heartbeatFile ? new Heartbeat(options.heartbeatFile) : undefined;
  let heartbeatStarted = false;
  let retryMs = 0;
  let stopping = false;
  const stop = () => {
    stopping = true;
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  try {
    for (;;) {
      let failed = false;
      try {
        const nodeInfo = await collect(options);
        // Ready once the node can be read: a broken mount or a missing node name shows as not ready.
        if (heartbeat && !heartbeatStarted) {
          await heartbeat.start();
          heartbeatStarted = true;
        }
        const pushed = await pushNodeFacts(backend, buildNodeFactsRequest(nodeInfo, { clusterUid }));
        log("node facts pushed", { node: nodeInfo.spec.nodeName, ...pushed, collectionErrors: nodeInfo.spec.collectionErrors?.length ?? 0 });
      } catch (error) {
        if (error instanceof UsageError) throw error;
        if (error instanceof AuthRejectedError) throw new RuntimeFailure(error.message, { cause: error });
        failed = true;
        log("node facts not delivered; fresh ones are sent at the next attempt", { error: (error as Error).message });
      }
      if (options.once) return failed ? EXIT_RUNTIME : EXIT_OK;
      // After a failure (backend down, or the cluster's first snapshot not there yet) try again sooner,
      // doubling from 30 s up to the interval. Otherwise spread the DaemonSet's pods over ±10% of the
      // interval so they do not all report at once.
      retryMs = failed ? Math.min(intervalMs, retryMs ? retryMs * 2 : FIRST_RETRY_MS) : 0;
      const until = Date.now() + (failed ? retryMs : intervalMs * (0.9 + Math.random() * 0.2));
      while (!stopping && Date.now() < until) await new Promise((r) => setTimeout(r, Math.min(1000, until - Date.now())));
      if (stopping) return EXIT_OK;
    }
  } finally {
    process.off("SIGTERM", stop);
    process.off("SIGINT", stop);
    await heartbeat?.stop();
    await backend.close();
  }
}

export function registerNodeCommand(program: Command): void {
  program
    .command("node")
    .description("Node mode: read this node's kubelet, control-plane, file-permission and kernel facts and push them (read-only)")
    .option("--host-root <dir>", `where the node's root filesystem is mounted read-only (or SHIPSHAPE_HOST_ROOT; default ${DEFAULT_HOST_ROOT})`)
    .option("--node-name <name>", "the node's name as in its Node object (or NODE_NAME; default: the node's /etc/hostname)")
    .option("--server <url>", "backend URL (or SHIPSHAPE_SERVER)")
    .option("--token <token>", "agent token (or SHIPSHAPE_TOKEN)")
    .option("--cluster-uid <uid>", "the cluster's kube-system namespace UID (or SHIPSHAPE_CLUSTER_UID); needed only with an organization-wide token")
    .option("--interval <seconds>", "seconds between reports", "3600")
    .option("--once", "collect and push once, then exit")
    .option("--dry-run", "print exactly what would be sent and send nothing")
    .option("--ca-file <pem>", "extra CA certificates to trust for the backend")
    .option("--timeout <seconds>", "timeout of each request to the backend", "60")
    .option("--heartbeat-file <file>", "touch this file every 10 s while running (for exec liveness/readiness probes)")
    .action(async (options: NodeOptions) => {
      process.exitCode = await runNodeCommand(options);
    });
}
