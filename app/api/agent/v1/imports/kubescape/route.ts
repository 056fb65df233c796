import { withAgentToken } from "@/lib/auth/with-agent-token";
import { importKubescapeResults, ImportError } from "@/lib/imports";
import { IMPORT_LIMITS, ZImportBody } from "@/lib/server/imports/import-body";
import { importErrorResponse, runImporter } from "@/lib/server/imports/import-errors";
import { clusterRequiredResponse, resolveImportCluster } from "@/lib/server/imports/resolve-import-cluster";
import { storeKubescapeImport } from "@/lib/server/imports/store-kubescape-import";
import { enforceAgentRateLimit } from "@/lib/server/snapshots/agent-rate-limit";
import { readAgentBody } from "@/lib/server/snapshots/read-agent-body";

/**
 * Kubescape JSON results (`{ clusterName?, report }`, gzip JSON) → a scored snapshot of a cluster.
 * Everything is validated and mapped before anything is written: a refused import stores nothing.
 */
export const POST = withAgentToken(async ({ req, agent }) => {
  enforceAgentRateLimit(agent.tokenId);
  const body = await readAgentBody(req, ZImportBody, IMPORT_LIMITS);
  const mapped = runImporter(() => importKubescapeResults(body.report, { clusterName: body.clusterName }));
  if (!mapped.ok) return mapped.response;
  const imported = mapped.value;
  if (!imported.report.controls.length) {
    return importErrorResponse(new ImportError("invalid_report", "the report holds no control results: nothing to import"));
  }
  const cluster = await resolveImportCluster({ agent, explicitName: body.clusterName, reportName: imported.report.cluster?.name });
  if (!cluster) return clusterRequiredResponse();
  const stored = await storeKubescapeImport({ orgId: agent.org.id, clusterId: cluster.id, imported, rawReport: body.report, tokenId: agent.tokenId });
  return Response.json(
    {
      snapshotId: stored.snapshotId,
      cluster: { id: cluster.id, name: cluster.name, created: cluster.created },
      duplicate: !stored.created,
      collectedAt: stored.collectedAt,
      late: stored.late,
      findings: { opened: stored.opened, closed: stored.closed },
      controls: imported.report.controls.length,
      unmappedControls: imported.unmappedControls.map((c) => c.id),
      frameworkScores: Object.fromEntries(imported.report.frameworks.map((f) => [f.id, f.score])),
      warnings: imported.warnings,
    },
    { status: stored.created ? 201 : 200 },
  );
});
