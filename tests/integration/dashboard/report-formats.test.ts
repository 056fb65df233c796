// The report's CSV and HTML renderings treat cluster, object and exception text as data: spreadsheet
// formulas are neutralized, markup is escaped, quoting follows RFC 4180. No database needed.
import { describe, expect, test } from "vitest";
import type { ComplianceReport } from "@/lib/server/reports/build-compliance-report";
import { reportCsv } from "@/lib/server/reports/report-csv";
import { renderReportHtml } from "@/lib/server/reports/render-report-html";
import { parseCsv } from "./support/parse-csv";

const hostile = {
  clusterName: '=HYPERLINK("http://evil.example","x")',
  message: 'container "app" says <script>alert(1)</script>, and more',
  reason: "@SUM(1+1) <img src=x onerror=alert(1)>",
};

function report(): ComplianceReport {
  const at = new Date("2026-11-20T10:00:00Z");
  return {
    title: "NSA-CISA Kubernetes Hardening Guide compliance report — <Acme & Co>",
    generatedAt: at,
    framework: { id: "nsa", name: "NSA-CISA Kubernetes Hardening Guide", shortName: "NSA-CISA", version: "1.2", controls: 1 },
    filters: { label: "team=a" },
    versions: { engine: "0.1.0", library: "2026.11.0", evaluatedWith: ["2026.11.0"] },
    summary: {
      score: 50,
      riskScore: 40,
      clusters: 1,
      clustersEvaluated: 1,
      staleClusters: 0,
      partialClusters: 0,
      controls: { failing: 1, excepted: 0, passing: 0, not_evaluated: 0 },
      failedResources: 1,
      exceptedResources: 0,
      failingControlsBySeverity: { critical: 0, high: 1, medium: 0, low: 0 },
      worstClusters: [{ name: hostile.clusterName, score: 50 }],
      topRisks: [{ id: "SS-0057", name: "Privileged container", severity: "high", clustersFailing: 1, failedResources: 1 }],
    },
    clusters: [
      {
        id: "c1", name: hostile.clusterName, provider: "eks", environment: "production", region: null, kubernetesVersion: "v1.31.2", agentStatus: "active",
        evaluatedAt: at, snapshotId: "s1", libraryVersion: "2026.11.0", score: 50, riskScore: 40, controls: { passed: 0, failed: 1, excepted: 0, notScored: 0 },
        failedControlsBySeverity: { critical: 0, high: 1, medium: 0, low: 0 }, failedResources: 1, collectionErrors: 0,
      },
    ],
    controls: [{ id: "SS-0057", name: "Privileged container", severity: "high", ref: "x", status: "failing", clustersFailing: 1, clustersPassing: 0, clustersExcepted: 0, clustersNotScored: 0, failedResources: 1, exceptedResources: 0, passRate: 50 }],
    evidence: [
      {
        clusterName: hostile.clusterName, controlId: "SS-0057", ref: "x", severity: "high", resourceKey: "apps/Deployment/shop/web", message: hostile.message,
        paths: ["spec.template.spec.containers[0].securityContext.privileged"], firstSeenAt: at, lastSeenAt: at, occurrence: 2,
        exception: { id: "e1", reason: hostile.reason, owner: "-team", expiresAt: null },
      },
    ],
    evidenceTotal: 1,
    evidenceWithoutPaths: 0,
    exceptions: [{ id: "e1", reason: hostile.reason, owner: "-team", expiresAt: null, controlIds: ["SS-0057"], coveredFindings: 1 }],
  };
}

describe("report CSV", () => {
  test("fields that start like formulas are prefixed with a quote; quotes and commas survive a parse", () => {
    const clusters = parseCsv(reportCsv(report(), "clusters"));
    expect(clusters[1][0]).toBe(`'${hostile.clusterName}`);
    const evidence = parseCsv(reportCsv(report(), "evidence"));
    const header = evidence[0];
    const row = evidence[1];
    expect(row[header.indexOf("finding")]).toBe(hostile.message);
    expect(row[header.indexOf("exception")]).toBe(`'${hostile.reason} (-team)`);
    expect(row[header.indexOf("reopened")]).toBe("yes");
    expect(row[header.indexOf("first_seen")]).toBe("2026-11-20T10:00:00.000Z");
    expect(evidence).toHaveLength(2);
  });
});

describe("report HTML", () => {
  test("every piece of data is escaped: no tag from the data reaches the document", () => {
    const html = renderReportHtml(report());
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("<title>NSA-CISA Kubernetes Hardening Guide compliance report — &lt;Acme &amp; Co&gt;</title>");
    expect(html).toContain("Clusters filtered by label team=a");
    expect(html).toContain("▲ High");
  });
});
