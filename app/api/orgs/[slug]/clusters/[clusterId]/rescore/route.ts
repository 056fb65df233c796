import { z } from "zod";
import { AppError } from "@/lib/api/errors";
import { parseJsonBody } from "@/lib/api/parse-body";
import { prisma } from "@/lib/db/client";
import { withOrg } from "@/lib/auth/with-org";
import { sharedJobQueue } from "@/lib/server/pipeline/job-queue";
import { requestClusterRescore } from "@/lib/server/imports/rescore-history";

const ZRescoreBody = z
  .object({
    /** Also re-score every older evaluated snapshot (default true); false: the latest only. */
    history: z.boolean().optional(),
  })
  .strict();

/** Queues re-scores of a cluster's snapshots with today's controls, exceptions and settings; 202. */
export const POST = withOrg<{ slug: string; clusterId: string }>(
  async ({ req, org, params, user }) => {
    // Another organization's cluster is 404 whatever the body says.
    const cluster = await prisma.cluster.findFirst({ where: { orgId: org.id, id: params.clusterId }, select: { id: true } });
    if (!cluster) throw new AppError("not_found", "Cluster not found.");
    const body = await parseJsonBody(req, ZRescoreBody);
    const boss = await sharedJobQueue();
    const result = await requestClusterRescore({ boss, orgId: org.id, clusterId: params.clusterId, history: body.history ?? true, reason: `requested by ${user.email ?? user.id}` });
    await prisma.auditEvent.create({
      data: { orgId: org.id, actorId: user.id, action: "cluster.rescore_requested", targetType: "cluster", targetId: cluster.id, data: { history: body.history ?? true, queued: result.queued } },
    });
    return Response.json({ rescore: result }, { status: 202 });
  },
  { role: "ADMIN" },
);
