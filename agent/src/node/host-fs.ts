// The node's filesystem as node mode sees it: mounted read-only under a host root (default /host).
// Host paths (`/etc/kubernetes/admin.conf`) are resolved inside that root, symlinks included, the way
// the node itself would resolve them (an absolute link target restarts at the host root, not at the
// container's /). Every content read goes through `readText`, which caps the size, refuses private
// keys and kubeconfigs, and records what was read so tests and audits can prove nothing else was.
import fs from "node:fs/promises";
import type { Stats } from "node:fs";
import path from "node:path";

const MAX_SYMLINK_HOPS = 40;
/** Configuration files are small; anything larger is not what we are looking for. */
export const DEFAULT_MAX_READ_BYTES = 1024 * 1024;

/** A read that node mode refuses to make or to keep (key material, credentials, oversized files). */
export class RefusedReadError extends Error {
  constructor(
    readonly hostPath: string,
    readonly reason: string,
  ) {
    super(`${hostPath}: ${reason}`);
    this.name = "RefusedReadError";
  }
}

/** The kubeconfigs kubeadm writes: they hold client keys or tokens and are stat-ed, never opened. */
const KUBEADM_KUBECONFIGS = new Set(
  ["admin.conf", "super-admin.conf", "kubelet.conf", "bootstrap-kubelet.conf", "scheduler.conf", "controller-manager.conf"].map(
    (name) => `/etc/kubernetes/${name}`,
  ),
);

/** Private keys (`*.key`), kubeadm's kubeconfigs and files named like a kubeconfig. */
export function isCredentialFileName(hostPath: string): boolean {
  const normalized = path.posix.resolve("/", hostPath);
  const base = path.posix.basename(normalized);
  return /\.key$/i.test(base) || /kubeconfig/i.test(base) || KUBEADM_KUBECONFIGS.has(normalized);
}

/** Content that must never be kept even when a flag pointed us at it: PEM private keys and kubeconfigs. */
export function credentialContentReason(text: string): string | undefined {
  if (/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(text)) return "holds a private key";
  if (/^\s*kind:\s*["']?Config["']?\s*$/m.test(text) && /^\s*users:/m.test(text)) return "is a kubeconfig";
  if (/"kind"\s*:\s*"Config"/.test(text) && /"users"\s*:/.test(text)) return "is a kubeconfig";
  return undefined;
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException)?.code;
}

/** Plain words for why a filesystem operation failed. */
export function fsErrorReason(error: unknown): string {
  switch (errorCode(error)) {
    case "ENOENT":
      return "does not exist";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ELOOP":
      return "too many symbolic links";
    case "ENOTDIR":
      return "a path component is not a directory";
    default:
      return error instanceof RefusedReadError ? error.reason : ((error as Error)?.message ?? String(error));
  }
}

/** `path: reason`, for NodeInfo.collectionErrors. */
export function describeFsError(hostPath: string, error: unknown): string {
  return `${hostPath}: ${fsErrorReason(error)}`;
}

export function isNotFound(error: unknown): boolean {
  return errorCode(error) === "ENOENT" || errorCode(error) === "ENOTDIR";
}

export interface HostStat {
  /** The host path as asked (what NodeInfo reports). */
  hostPath: string;
  /** The host path after following symlinks. */
  realHostPath: string;
  stats: Stats;
}

export class HostFs {
  /** Host paths whose content was read, in order (never key files or kubeconfigs). */
  readonly reads: string[] = [];
  readonly root: string;
  /** Paths the collector learned are credentials (a process's --kubeconfig, key files): never opened. */
  private readonly denied = new Set<string>();

  constructor(
    root: string,
    private readonly options: { maxReadBytes?: number } = {},
  ) {
    this.root = path.resolve(root);
  }

  /** Marks a host path as a credential: `readText` refuses it and anything linking to it. */
  denyRead(hostPath: string): void {
    this.denied.add(path.posix.resolve("/", hostPath));
  }

  private refusedByName(hostPath: string): boolean {
    return isCredentialFileName(hostPath) || this.denied.has(path.posix.resolve("/", hostPath));
  }

  /** Where a host path lives in this process's view, without following symlinks. */
  localPath(hostPath: string): string {
    return path.join(this.root, path.posix.resolve("/", hostPath));
  }

  /**
   * Follows symlinks inside the host root (like openat2's RESOLVE_IN_ROOT): `..` never climbs above
   * the host root and absolute targets are host paths. Returns the resolved host path.
   * With `followLast: false` the last component is not followed (lstat semantics).
   */
  async realHostPath(hostPath: string, followLast = true): Promise<string> {
    const pending = path.posix.resolve("/", hostPath).split("/").filter(Boolean);
    const done: string[] = [];
    let hops = 0;
    while (pending.length) {
      const part = pending.shift()!;
      if (part === ".") continue;
      if (part === "..") {
        done.pop();
        continue;
      }
      const candidate = `/${[...done, part].join("/")}`;
      if (!followLast && pending.length === 0) {
        done.push(part);
        break;
      }
      let stats: Stats;
      try {
        stats = await fs.lstat(this.localPath(candidate));
      } catch (error) {
        // A missing component: report the path as it stands; the caller's stat says ENOENT.
        if (isNotFound(error)) return `/${[...done, part, ...pending].join("/")}`;
        throw error;
      }
      if (!stats.isSymbolicLink()) {
        done.push(part);
        continue;
      }
      if (++hops > MAX_SYMLINK_HOPS) throw Object.assign(new Error("too many symbolic links"), { code: "ELOOP" });
      const target = await fs.readlink(this.localPath(candidate));
      const targetParts = target.split("/").filter(Boolean);
      if (target.startsWith("/")) done.length = 0;
      pending.unshift(...targetParts);
    }
    return `/${done.join("/")}`;
  }

  /** stat(2) of a host path, following symlinks inside the host root. */
  async stat(hostPath: string): Promise<HostStat> {
    const real = await this.realHostPath(hostPath);
    return { hostPath, realHostPath: real, stats: await fs.stat(this.localPath(real)) };
  }

  async exists(hostPath: string): Promise<boolean> {
    try {
      await this.stat(hostPath);
      return true;
    } catch {
      return false;
    }
  }

  /** Names in a host directory (following symlinks to the directory itself), sorted. */
  async list(hostDir: string): Promise<string[]> {
    const real = await this.realHostPath(hostDir);
    return (await fs.readdir(this.localPath(real))).sort();
  }

  /** lstat of an entry, for walks that must not follow directory links. */
  async lstat(hostPath: string): Promise<Stats> {
    const parent = await this.realHostPath(path.posix.dirname(path.posix.resolve("/", hostPath)));
    return fs.lstat(this.localPath(path.posix.join(parent, path.posix.basename(hostPath))));
  }

  /**
   * Reads a text file of the host. Refuses private keys and kubeconfigs by name and by content, and
   * files over the size cap. `/proc` and `/sys` files report size 0, so the cap is enforced on the bytes read.
   */
  async readText(hostPath: string): Promise<string> {
    if (this.refusedByName(hostPath)) throw new RefusedReadError(hostPath, "refused: private keys and kubeconfigs are only stat-ed");
    const max = this.options.maxReadBytes ?? DEFAULT_MAX_READ_BYTES;
    const real = await this.realHostPath(hostPath);
    if (this.refusedByName(real)) throw new RefusedReadError(hostPath, `refused: links to ${real}, a private key or kubeconfig`);
    const handle = await fs.open(this.localPath(real), "r");
    let text: string;
    try {
      const stats = await handle.stat();
      if (!stats.isFile()) throw new RefusedReadError(hostPath, "not a regular file");
      const buffer = Buffer.alloc(max + 1);
      let length = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
        if (bytesRead === 0) break;
        length += bytesRead;
        if (length > max) throw new RefusedReadError(hostPath, `larger than ${max} bytes`);
      }
      text = buffer.subarray(0, length).toString("utf8");
    } finally {
      await handle.close();
    }
    this.reads.push(hostPath);
    const reason = credentialContentReason(text);
    if (reason) throw new RefusedReadError(hostPath, `refused: ${reason}; its content was discarded`);
    return text;
  }

  /** Reads a small kernel file (/proc, /sys) and trims it; undefined when it does not exist. */
  async readKernelValue(hostPath: string): Promise<string | undefined> {
    try {
      return (await this.readText(hostPath)).trim();
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }
}
