import { withOrg } from "@/lib/auth/with-org";

export const GET = withOrg(async ({ org, role }) => {
  return Response.json({ organization: org, role });
});
