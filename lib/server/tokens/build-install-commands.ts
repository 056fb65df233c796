// The commands shown next to a freshly created token. The chart location and value names are the
// agent's contract (agent/deploy/helm); keep them in step with it. The default is the chart in a
// Shipshape checkout or release bundle, which works without any registry (air-gapped installs);
// SHIPSHAPE_AGENT_CHART points at a mirrored chart instead (e.g. an internal OCI registry).
export const DEFAULT_AGENT_HELM_CHART = "./agent/deploy/helm/shipshape-agent";

export type InstallCommands = { helm: string; npx: string };

function shellQuote(value: string): string {
  return /^[A-Za-z0-9_./:@=-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Helm and npx command lines that start an agent reporting to `serverUrl` with `token`. */
export function buildInstallCommands({
  serverUrl,
  token,
  chart = process.env.SHIPSHAPE_AGENT_CHART?.trim() || DEFAULT_AGENT_HELM_CHART,
}: {
  serverUrl: string;
  token: string;
  chart?: string;
}): InstallCommands {
  const server = shellQuote(serverUrl);
  const secret = shellQuote(token);
  return {
    helm: [
      `helm upgrade --install shipshape-agent ${shellQuote(chart)}`,
      "--namespace shipshape --create-namespace",
      `--set server=${server}`,
      `--set token=${secret}`,
    ].join(" \\\n  "),
    npx: `npx shipshape agent --server ${server} --token ${secret}`,
  };
}
