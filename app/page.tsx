import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { listUserOrganizations } from "@/lib/server/orgs/list-user-organizations";

export const dynamic = "force-dynamic";

/** Entry point: signed-out → sign-in; no organization yet → create one; else the first org. */
export default async function HomePage() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  const orgs = await listUserOrganizations({ userId: user.id });
  if (orgs.length === 0) redirect("/orgs/new");
  redirect(`/o/${orgs[0].slug}`);
}
