import { z } from "zod";
import { parseSearchParams } from "@/lib/api/parse-body";
import { withOrg } from "@/lib/auth/with-org";
import { ZFleetFilters, ZFrameworkId } from "@/lib/server/dashboard/fleet-filters";
import { buildComplianceReport } from "@/lib/server/reports/build-compliance-report";
import { REPORT_CSV_PARTS, reportCsv } from "@/lib/server/reports/report-csv";
import { renderReportHtml } from "@/lib/server/reports/render-report-html";
import { renderPdf } from "@/lib/server/reports/render-report-pdf";

const ZQuery = ZFleetFilters.extend({
  framework: ZFrameworkId.optional(),
  format: z.enum(["json", "csv", "html", "pdf"]).optional(),
  /** CSV only: which table (clusters, controls or evidence). */
  part: z.enum(REPORT_CSV_PARTS).optional(),
  /** Downloads as a file instead of showing in the browser. */
  download: z.enum(["1", "0"]).optional(),
}).strict();

/** The org-wide compliance report for a framework over all or filtered clusters, as JSON, CSV, printable HTML or PDF. */
export const GET = withOrg(async ({ req, org }) => {
  const { framework, format = "json", part = "controls", download, ...filters } = parseSearchParams(new URL(req.url), ZQuery);
  const report = await buildComplianceReport({ orgId: org.id, orgName: org.name, framework, filters });
  const base = `shipshape-${org.slug}-${report.framework.id}-${report.generatedAt.toISOString().slice(0, 10)}`;
  const disposition = (name: string) => ({ "Content-Disposition": `${download === "0" ? "inline" : "attachment"}; filename="${name}"` });
  const headers = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
  if (format === "csv") {
    return new Response(reportCsv(report, part), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8", ...disposition(`${base}-${part}.csv`) } });
  }
  if (format === "html") {
    // A document with no scripts; the CSP keeps it that way even if data contained markup.
    return new Response(renderReportHtml(report), {
      headers: { ...headers, "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'", ...(download === "1" ? disposition(`${base}.html`) : {}) },
    });
  }
  if (format === "pdf") {
    const pdf = await renderPdf(renderReportHtml(report), { title: report.title });
    return new Response(pdf as Uint8Array<ArrayBuffer>, { headers: { ...headers, "Content-Type": "application/pdf", ...disposition(`${base}.pdf`) } });
  }
  return Response.json({ report }, { headers: download === "1" ? { ...headers, ...disposition(`${base}.json`) } : headers });
});
