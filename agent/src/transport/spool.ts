// A bounded on-disk spool: snapshots wait here while the backend is unreachable and are delivered
// later, oldest first. Files are written atomically (temp + rename); when the spool is over its bounds
// the oldest snapshots are dropped (and said so), never the newest.
import { createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGzip, gunzipSync } from "node:zlib";
import { BackendRejectedError } from "./backend-client";
import type { PendingSnapshot } from "./push-snapshot";

export interface SpoolOptions {
  dir: string;
  maxFiles?: number;
  maxBytes?: number;
}

interface SpoolFile {
  name: string;
  size: number;
}

/** Serializes a snapshot piece by piece, so no single string holds the whole snapshot. */
function* snapshotPieces(snapshot: PendingSnapshot): Generator<string> {
  yield `{"manifest":${JSON.stringify(snapshot.manifest)},"bodies":[`;
  let first = true;
  for (const [hash, text] of snapshot.bodies) {
    yield `${first ? "" : ","}["${hash}",${JSON.stringify(text)}]`;
    first = false;
  }
  yield "]}";
}

export class Spool {
  /** The newest snapshot written, kept so delivering it right away does not read it back. */
  private latest?: { name: string; snapshot: PendingSnapshot };

  constructor(private readonly options: SpoolOptions) {}

  private async list(): Promise<SpoolFile[]> {
    await fs.mkdir(this.options.dir, { recursive: true });
    const names = (await fs.readdir(this.options.dir)).filter((n) => n.endsWith(".snapshot.json.gz")).sort();
    return Promise.all(names.map(async (name) => ({ name, size: (await fs.stat(path.join(this.options.dir, name))).size })));
  }

  /** Stores a snapshot; returns the names of old snapshots dropped to stay within bounds. */
  async put(snapshot: PendingSnapshot): Promise<string[]> {
    await fs.mkdir(this.options.dir, { recursive: true });
    const stamp = snapshot.manifest.collectedAt.replace(/[:.]/g, "-");
    const name = `${stamp}-${snapshot.manifest.idempotencyKey}.snapshot.json.gz`;
    const tmp = path.join(this.options.dir, `.${name}.tmp`);
    await pipeline(snapshotPieces(snapshot), createGzip(), createWriteStream(tmp));
    await fs.rename(tmp, path.join(this.options.dir, name));
    this.latest = { name, snapshot };
    const dropped: string[] = [];
    const files = await this.list();
    const maxFiles = this.options.maxFiles ?? 50;
    const maxBytes = this.options.maxBytes ?? 512 * 1024 * 1024;
    let total = files.reduce((s, f) => s + f.size, 0);
    while (files.length > 1 && (files.length > maxFiles || total > maxBytes)) {
      const oldest = files.shift()!;
      await fs.rm(path.join(this.options.dir, oldest.name), { force: true });
      total -= oldest.size;
      dropped.push(oldest.name);
    }
    return dropped;
  }

  async pending(): Promise<string[]> {
    return (await this.list()).map((f) => f.name);
  }

  async read(name: string): Promise<PendingSnapshot> {
    if (this.latest?.name === name) return this.latest.snapshot;
    const parsed = JSON.parse(gunzipSync(await fs.readFile(path.join(this.options.dir, name))).toString("utf8"));
    return { manifest: parsed.manifest, bodies: new Map(parsed.bodies) };
  }

  async remove(name: string): Promise<void> {
    if (this.latest?.name === name) this.latest = undefined;
    await fs.rm(path.join(this.options.dir, name), { force: true });
  }

  /**
   * Delivers spooled snapshots oldest first; stops at the first failure so order is kept. A snapshot
   * the backend refuses outright (4xx) is renamed `*.rejected` and skipped, so it cannot block the rest.
   * Returns how many were delivered and the error that stopped delivery, if any.
   */
  async flush(
    deliver: (snapshot: PendingSnapshot) => Promise<void>,
  ): Promise<{ delivered: number; remaining: number; error?: Error; rejected: string[] }> {
    const names = await this.pending();
    let delivered = 0;
    const rejected: string[] = [];
    for (const name of names) {
      let snapshot: PendingSnapshot;
      try {
        snapshot = await this.read(name);
      } catch (error) {
        // A corrupt spool file (disk full mid-write before rename cannot happen; bit rot can) is set aside.
        await fs.rename(path.join(this.options.dir, name), path.join(this.options.dir, `${name}.corrupt`)).catch(() => undefined);
        continue;
      }
      try {
        await deliver(snapshot);
      } catch (error) {
        if (error instanceof BackendRejectedError) {
          // The backend will never accept this one (it answered 4xx): set it aside, keep delivering.
          await fs.rename(path.join(this.options.dir, name), path.join(this.options.dir, `${name}.rejected`)).catch(() => undefined);
          rejected.push(name);
          continue;
        }
        return { delivered, remaining: names.length - delivered - rejected.length, error: error as Error, rejected };
      }
      await this.remove(name);
      delivered++;
    }
    return { delivered, remaining: 0, rejected };
  }
}
