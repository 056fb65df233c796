import { parseSearchParams } from "@/lib/api/parse-body";
import { withOrg } from "@/lib/auth/with-org";
import { ZAuditQuery } from "@/lib/zod/audit";
import { listAuditEvents } from "@/lib/server/audit/list-audit-events";

export const GET = withOrg(
  async ({ req, org }) => {
    const query = parseSearchParams(new URL(req.url), ZAuditQuery);
    return Response.json(await listAuditEvents({ orgId: org.id, ...query }));
  },
  { role: "ADMIN" },
);
