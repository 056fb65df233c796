import { prisma } from "@/lib/db/client";
import { EXCEPTION_SELECT, exceptionView, type ExceptionView } from "./exception-view";

/** The organization's exceptions, newest first, each saying whether it has expired. */
export async function listExceptions({ orgId, now = new Date() }: { orgId: string; now?: Date }): Promise<ExceptionView[]> {
  const rows = await prisma.controlException.findMany({ where: { orgId }, orderBy: { createdAt: "desc" }, select: EXCEPTION_SELECT });
  return rows.map((r) => exceptionView(r, now));
}
