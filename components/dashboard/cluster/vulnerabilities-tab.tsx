import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/states";

/**
 * Image vulnerabilities by workload. The server does not store imported Trivy/Grype reports yet
 * (lib/imports can parse and join them; there is no storage or upload route), so this says so
 * plainly instead of showing an empty table that looks like "no vulnerabilities".
 */
export function ClusterVulnerabilitiesTab() {
  return (
    <Card>
      <EmptyState
        title="No vulnerability report attached"
        description={
          <>
            Image vulnerability reports (Trivy JSON, Grype JSON) are joined to the workloads that run each image once they are attached to a cluster. This server has not received a report for this cluster, so nothing is known about
            its images&apos; vulnerabilities — which is not the same as having none. Check a report locally with <code className="font-mono text-xs">shipshape import vulns &lt;file&gt;</code>.
          </>
        }
      />
    </Card>
  );
}
