import { prisma } from "@/lib/db/client";
import { EXCEPTION_SELECT, exceptionView, type ExceptionView } from "./exception-view";

const DAY_MS = 24 * 60 * 60 * 1000;
export const STALE_AFTER_DAYS = 30;

export type StaleException = ExceptionView & { staleBecause: "expired" | "matches-nothing" };

/**
 * Exceptions to clean up: expired ones, and ones that excepted no finding in any evaluation for
 * 30 days (lastMatchedAt comes from each report's summary.exceptionsApplied). A new exception
 * gets 30 days before it can be called unused.
 */
export async function listStaleExceptions({ orgId, now = new Date() }: { orgId: string; now?: Date }): Promise<StaleException[]> {
  const cutoff = new Date(now.getTime() - STALE_AFTER_DAYS * DAY_MS);
  const rows = await prisma.controlException.findMany({
    where: {
      orgId,
      OR: [
        { expiresAt: { lte: now } },
        { createdAt: { lte: cutoff }, OR: [{ lastMatchedAt: null }, { lastMatchedAt: { lt: cutoff } }] },
      ],
    },
    orderBy: { createdAt: "asc" },
    select: EXCEPTION_SELECT,
  });
  return rows.map((r) => {
    const view = exceptionView(r, now);
    return { ...view, staleBecause: view.expired ? ("expired" as const) : ("matches-nothing" as const) };
  });
}
