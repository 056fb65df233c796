import { withAgentToken } from "@/lib/auth/with-agent-token";
import { importVulnerabilityReports } from "@/lib/imports";
import { IMPORT_LIMITS, ZImportBody } from "@/lib/server/imports/import-body";
import { runImporter } from "@/lib/server/imports/import-errors";
import { clusterRequiredResponse, resolveImportCluster } from "@/lib/server/imports/resolve-import-cluster";
import { storeVulnerabilityReports } from "@/lib/server/imports/store-vulnerability-reports";
import { enforceAgentRateLimit } from "@/lib/server/snapshots/agent-rate-limit";
import { readAgentBody } from "@/lib/server/snapshots/read-agent-body";

/**
 * Trivy (SchemaVersion 2) or Grype JSON (`{ clusterName?, report }`, gzip JSON) → the latest report
 * per image of the cluster. Validated before anything is written: a refused upload stores nothing.
 */
export const POST = withAgentToken(async ({ req, agent }) => {
  enforceAgentRateLimit(agent.tokenId);
  const body = await readAgentBody(req, ZImportBody, IMPORT_LIMITS);
  const parsed = runImporter(() => importVulnerabilityReports(body.report));
  if (!parsed.ok) return parsed.response;
  const cluster = await resolveImportCluster({ agent, explicitName: body.clusterName });
  if (!cluster) return clusterRequiredResponse();
  const images = await storeVulnerabilityReports({ orgId: agent.org.id, clusterId: cluster.id, reports: parsed.value.reports, tokenId: agent.tokenId });
  return Response.json({ cluster: { id: cluster.id, name: cluster.name, created: cluster.created }, images, warnings: parsed.value.warnings }, { status: 201 });
});
