import { parseJsonBody } from "@/lib/api/parse-body";
import { withUser } from "@/lib/auth/with-org";
import { ZCreateOrganization } from "@/lib/zod/orgs";
import { createOrganization } from "@/lib/server/orgs/create-organization";
import { listUserOrganizations } from "@/lib/server/orgs/list-user-organizations";

export const GET = withUser(async ({ user }) => {
  return Response.json({ organizations: await listUserOrganizations({ userId: user.id }) });
});

export const POST = withUser(async ({ req, user }) => {
  const input = await parseJsonBody(req, ZCreateOrganization);
  const organization = await createOrganization({ userId: user.id, name: input.name, slug: input.slug });
  return Response.json({ organization }, { status: 201 });
});
