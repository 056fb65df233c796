// `shipshape preflight`: which resource types the current identity can list, and why not.
import type { Command } from "commander";
import { discoverResources, qualifiedName } from "../collect/discover-resources";
import { KubeApiError, KubeClient, KubeTimeoutError, loadKubeConfig } from "../collect/kube-client";
import { listPath } from "../collect/list-resource";
import { EXIT_OK, UsageError } from "../errors";

export function registerPreflightCommand(program: Command): void {
  program
    .command("preflight")
    .description("Check which resource types the agent can read with the current identity")
    .option("--kubeconfig <file>", "kubeconfig file")
    .option("--context <name>", "kubeconfig context")
    .option("--in-cluster", "use the pod's service account")
    .option("--timeout <seconds>", "timeout of each request", "15")
    .option("--json", "print JSON")
    .action(async (options: { kubeconfig?: string; context?: string; inCluster?: boolean; timeout: string; json?: boolean }) => {
      let client: KubeClient;
      try {
        client = new KubeClient(loadKubeConfig(options), { timeoutMs: Number(options.timeout) * 1000 });
      } catch (error) {
        throw new UsageError(`cannot load the Kubernetes configuration: ${(error as Error).message}`, { cause: error });
      }
      const discovery = await discoverResources(client);
      const rows = await Promise.all(
        discovery.types.map(async (t) => {
          try {
            await client.get(listPath(t), { limit: 1 });
            return { type: qualifiedName(t), readable: true, reason: "" };
          } catch (error) {
            const reason =
              error instanceof KubeApiError ? `${error.status} ${error.reason}: ${error.message}` : error instanceof KubeTimeoutError ? "timeout" : (error as Error).message;
            return { type: qualifiedName(t), readable: false, reason };
          }
        }),
      );
      if (options.json) process.stdout.write(`${JSON.stringify({ types: rows, discoveryErrors: discovery.errors }, null, 2)}\n`);
      else {
        for (const r of rows) process.stdout.write(`${r.readable ? "ok      " : "DENIED  "} ${r.type}${r.reason ? `  — ${r.reason}` : ""}\n`);
        for (const e of discovery.errors) process.stdout.write(`ERROR    discovery ${e.group}/${e.version}: ${e.message}\n`);
        const denied = rows.filter((r) => !r.readable).length;
        process.stdout.write(`\n${rows.length - denied} of ${rows.length} resource types readable\n`);
      }
      process.exitCode = EXIT_OK;
    });
}
