// `POST /api/agent/v1/node-facts` (protocol v1, docs/snapshot-protocol.md): one node's NodeInfo,
// gzip JSON `{ clusterUid?, nodeInfo }`, with the agent token. The server keeps the latest report per
// node (by content hash) and uses it in the cluster's next evaluation, so a retried or repeated POST
// changes nothing twice.
//
// The server validates with ZNodeFactsUpload (lib/server/snapshots/store-node-facts.ts, strict). The
// agent cannot import server code, so the request schema is restated here and a contract test
// (tests/integration/agent/node-push.test.ts) parses what the agent sends with the server's schema.
// Both belong in lib/snapshot/protocol.ts.
import { gzipSync } from "node:zlib";
import { z } from "zod";
import { NODE_INFO_API_VERSION, type NodeInfo } from "../../../lib/engine/types";
import type { BackendClient } from "../transport/backend-client";

export const NODE_FACTS_PATH = "/api/agent/v1/node-facts";
/** The server's limits for this endpoint: 1 MB on the wire, 4 MB decompressed. A NodeInfo is a few KB. */
export const MAX_NODE_FACTS_BYTES = 1024 * 1024;
export const MAX_NODE_FACTS_DECOMPRESSED_BYTES = 4 * 1024 * 1024;

const DNS_NAME = z.string().min(1).max(253);

export const ZNodeInfo = z
  .object({
    apiVersion: z.literal(NODE_INFO_API_VERSION),
    kind: z.literal("NodeInfo"),
    metadata: z.object({ name: DNS_NAME }).loose(),
    spec: z.object({ nodeName: DNS_NAME }).loose(),
  })
  .loose();

export const ZNodeFactsRequest = z
  .object({
    /** kube-system namespace UID; the server needs it only when the token is not bound to one cluster. */
    clusterUid: z.string().min(1).max(128).optional(),
    nodeInfo: ZNodeInfo,
  })
  .strict()
  .refine((r) => r.nodeInfo.metadata.name === r.nodeInfo.spec.nodeName, { message: "metadata.name must equal spec.nodeName" });

/** `changed` is false when the server already held these exact facts for the node. */
export const ZNodeFactsResponse = z.object({ clusterId: z.string(), nodeName: z.string(), changed: z.boolean() }).loose();

export type TNodeFactsRequest = z.infer<typeof ZNodeFactsRequest>;

export function buildNodeFactsRequest(nodeInfo: NodeInfo, options: { clusterUid?: string } = {}): TNodeFactsRequest {
  return {
    ...(options.clusterUid ? { clusterUid: options.clusterUid } : {}),
    nodeInfo: nodeInfo as TNodeFactsRequest["nodeInfo"],
  };
}

/** Sends one node's facts; returns the compressed size sent. Retries are BackendClient's (429/5xx/network). */
export async function pushNodeFacts(client: BackendClient, request: TNodeFactsRequest): Promise<{ bytes: number; changed: boolean }> {
  const text = JSON.stringify(ZNodeFactsRequest.parse(request));
  if (Buffer.byteLength(text) > MAX_NODE_FACTS_DECOMPRESSED_BYTES) throw new Error(`the node facts are ${Buffer.byteLength(text)} bytes, over the ${MAX_NODE_FACTS_DECOMPRESSED_BYTES}-byte limit`);
  const body = gzipSync(Buffer.from(text, "utf8"));
  if (body.length > MAX_NODE_FACTS_BYTES) throw new Error(`the node facts are ${body.length} bytes compressed, over the ${MAX_NODE_FACTS_BYTES}-byte limit`);
  const answer = ZNodeFactsResponse.parse(
    await client.request("POST", NODE_FACTS_PATH, body, { "content-type": "application/json", "content-encoding": "gzip" }),
  );
  return { bytes: body.length, changed: answer.changed };
}
