import type { ManifestEntry } from "@/lib/server/snapshots/manifest-codec";

export type ObjectDiff = {
  added: [key: string, hash: string][];
  changed: [key: string, oldHash: string, newHash: string][];
  removed: [key: string, oldHash: string][];
};

/** What turns the cluster's current objects (key → hash) into the snapshot's manifest. */
export function diffObjects(current: ReadonlyMap<string, string>, next: readonly ManifestEntry[]): ObjectDiff {
  const diff: ObjectDiff = { added: [], changed: [], removed: [] };
  const nextKeys = new Set<string>();
  for (const [key, hash] of next) {
    nextKeys.add(key);
    const old = current.get(key);
    if (old === undefined) diff.added.push([key, hash]);
    else if (old !== hash) diff.changed.push([key, old, hash]);
  }
  for (const [key, hash] of current) if (!nextKeys.has(key)) diff.removed.push([key, hash]);
  return diff;
}

/** `group/kind/namespace/name` → its parts (segments never contain "/": see the protocol's key rule). */
export function splitObjectKey(key: string): { group: string; kind: string; namespace: string; name: string } {
  const [group = "", kind = "", namespace = "", name = ""] = key.split("/");
  return { group, kind, namespace, name };
}
