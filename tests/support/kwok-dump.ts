// Reads the recorded kwok cluster (../shared/corpus/manifests/kubescape-kwok-cluster-dump): 15,267 live
// objects with uids, managedFields and status. Unzipped in memory, never copied into the repo.
import fs from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import type { KubeObject } from "./fake-kube-api";

export const KWOK_DUMP = path.resolve(__dirname, "../../../shared/corpus/manifests/kubescape-kwok-cluster-dump/allResourcesMock.json.zip");

export function loadKwokObjects(): KubeObject[] {
  const files = unzipSync(new Uint8Array(fs.readFileSync(KWOK_DUMP)));
  const name = Object.keys(files).find((n) => n.endsWith(".json"));
  if (!name) throw new Error("no JSON file in the kwok dump");
  const byId = JSON.parse(Buffer.from(files[name]).toString("utf8")) as Record<string, KubeObject>;
  return Object.values(byId);
}
