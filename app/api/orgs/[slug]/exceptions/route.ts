import { z } from "zod";
import { parseJsonBody, parseSearchParams } from "@/lib/api/parse-body";
import { withOrg } from "@/lib/auth/with-org";
import { ZExceptionInput, ZExceptionPatch } from "@/lib/server/exceptions/exception-input";
import { listExceptions } from "@/lib/server/exceptions/list-exceptions";
import { createException, deleteException, updateException } from "@/lib/server/exceptions/save-exception";

// The exception's id travels in the body (PATCH) or the query (DELETE) rather than the path.
const ZDeleteQuery = z.object({ id: z.string().min(1).max(64) }).strict();

export const GET = withOrg(async ({ org }) => {
  return Response.json({ exceptions: await listExceptions({ orgId: org.id }) });
});

export const POST = withOrg(
  async ({ req, org, user }) => {
    const input = await parseJsonBody(req, ZExceptionInput);
    return Response.json(await createException({ orgId: org.id, actorId: user.id, input }), { status: 201 });
  },
  { role: "ADMIN" },
);

export const PATCH = withOrg(
  async ({ req, org, user }) => {
    const patch = await parseJsonBody(req, ZExceptionPatch);
    return Response.json(await updateException({ orgId: org.id, actorId: user.id, patch }));
  },
  { role: "ADMIN" },
);

export const DELETE = withOrg(
  async ({ req, org, user }) => {
    const { id } = parseSearchParams(new URL(req.url), ZDeleteQuery);
    return Response.json(await deleteException({ orgId: org.id, actorId: user.id, id }));
  },
  { role: "ADMIN" },
);
