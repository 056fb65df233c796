// `POST /api/agent/v1/node-facts` (protocol v1, docs/snapshot-protocol.md): one node's NodeInfo,
// gzip JSON, with the agent token. The server keeps the latest report per node and attaches it to the
// cluster's next snapshot, so a retried or repeated POST changes nothing twice.
//
// The request schema belongs with the rest of the contract in lib/snapshot/protocol.ts; it lives here
// until the server side of this endpoint is written, and moves there then (same names).
import { gzipSync } from "node:zlib";
import { z } from "zod";
import { NODE_INFO_API_VERSION, type NodeInfo } from "../../../lib/engine/types";
import { MAX_CHUNK_BYTES, PROTOCOL_VERSION } from "../../../lib/snapshot/protocol";
import { AGENT_VERSION } from "../version";
import type { BackendClient } from "../transport/backend-client";

export const NODE_FACTS_PATH = "/api/agent/v1/node-facts";
/** A node's facts are a few kilobytes; the same 2 MB bound as an object chunk applies (compressed). */
export const MAX_NODE_FACTS_BYTES = MAX_CHUNK_BYTES;
/** Decompressed bound of a node-facts body (refuses gzip bombs). */
export const MAX_NODE_FACTS_DECOMPRESSED_BYTES = 8 * 1024 * 1024;

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
    protocolVersion: z.literal(PROTOCOL_VERSION),
    /** When the facts were read on the node: the server ignores a report older than the one it has. */
    collectedAt: z.iso.datetime(),
    agentVersion: z.string().max(64),
    /** Which cluster the node belongs to, when the token is not bound to one cluster. */
    cluster: z.object({ name: z.string().min(1).max(128).optional() }).strict().optional(),
    nodeInfo: ZNodeInfo,
  })
  .strict()
  .refine((r) => r.nodeInfo.metadata.name === r.nodeInfo.spec.nodeName, { message: "metadata.name must equal spec.nodeName" });

export const ZNodeFactsResponse = z.object({ nodeName: z.string(), status: z.enum(["stored", "unchanged"]) }).loose();

export type TNodeFactsRequest = z.infer<typeof ZNodeFactsRequest>;

export function buildNodeFactsRequest(nodeInfo: NodeInfo, options: { clusterName?: string; collectedAt?: Date } = {}): TNodeFactsRequest {
  return {
    protocolVersion: PROTOCOL_VERSION,
    collectedAt: (options.collectedAt ?? new Date()).toISOString(),
    agentVersion: AGENT_VERSION,
    ...(options.clusterName ? { cluster: { name: options.clusterName } } : {}),
    nodeInfo: nodeInfo as TNodeFactsRequest["nodeInfo"],
  };
}

/** Sends one node's facts; returns the compressed size sent. Retries are BackendClient's (429/5xx/network). */
export async function pushNodeFacts(client: BackendClient, request: TNodeFactsRequest): Promise<{ bytes: number; status: string }> {
  const body = gzipSync(Buffer.from(JSON.stringify(ZNodeFactsRequest.parse(request)), "utf8"));
  if (body.length > MAX_NODE_FACTS_BYTES) throw new Error(`the node facts are ${body.length} bytes compressed, over the ${MAX_NODE_FACTS_BYTES}-byte limit`);
  const answer = ZNodeFactsResponse.parse(
    await client.request("POST", NODE_FACTS_PATH, body, { "content-type": "application/json", "content-encoding": "gzip" }),
  );
  return { bytes: body.length, status: answer.status };
}
