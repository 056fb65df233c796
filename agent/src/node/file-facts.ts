// Ownership and permissions of the well-known Kubernetes files, as `stat` reports them on the node.
// Only metadata is read here: a FileFact never needs a file's content.
import path from "node:path";
import type { FileFact } from "../../../lib/engine/types";
import type { HostAccounts } from "./host-accounts";
import { describeFsError, isNotFound, type HostFs } from "./host-fs";

/** Upper bounds of a directory walk (the PKI directory holds a few dozen files). */
const MAX_WALK_ENTRIES = 2000;
const MAX_WALK_DEPTH = 4;

/**
 * The FileFact of a host path. Symlinks are followed inside the host root: the permissions that protect
 * a file are its target's (a link itself always shows 777). `path` stays the path as configured.
 */
export async function statFileFact(hostFs: HostFs, accounts: HostAccounts, hostPath: string): Promise<FileFact> {
  const { stats } = await hostFs.stat(hostPath);
  const fact: FileFact = { path: hostPath, mode: stats.mode & 0o7777 };
  const owner = accounts.userName(stats.uid);
  const group = accounts.groupName(stats.gid);
  if (owner !== undefined) fact.owner = owner;
  if (group !== undefined) fact.group = group;
  fact.uid = stats.uid;
  fact.gid = stats.gid;
  return fact;
}

/** Collects FileFacts by role into `files`, and what could not be examined into `errors`. */
export class FileFactCollector {
  readonly files: Record<string, FileFact | FileFact[]> = {};

  constructor(
    private readonly hostFs: HostFs,
    private readonly accounts: HostAccounts,
    private readonly errors: string[],
  ) {}

  /**
   * Stats one file for a role. A missing file leaves the role absent (the check does not apply);
   * when `expected` says why the file should exist (a process flag names it), its absence is reported.
   */
  async single(role: string, hostPath: string | undefined, expected?: string): Promise<FileFact | undefined> {
    if (!hostPath) return undefined;
    try {
      const fact = await statFileFact(this.hostFs, this.accounts, hostPath);
      this.files[role] = fact;
      return fact;
    } catch (error) {
      if (!isNotFound(error)) this.errors.push(describeFsError(hostPath, error));
      else if (expected) this.errors.push(`${hostPath} (${expected}) is not on the node's filesystem as mounted: the process may run in a container, or the directory is not mounted into node mode (node.extraHostMounts)`);
      return undefined;
    }
  }

  /** Stats several files for a list role; missing ones are skipped. */
  async list(role: string, hostPaths: readonly string[]): Promise<FileFact[]> {
    const facts: FileFact[] = [];
    for (const hostPath of hostPaths) {
      try {
        facts.push(await statFileFact(this.hostFs, this.accounts, hostPath));
      } catch (error) {
        if (!isNotFound(error)) this.errors.push(describeFsError(hostPath, error));
      }
    }
    if (facts.length) this.files[role] = facts;
    return facts;
  }

  /** Regular files directly inside a directory, sorted (symlinks to files count; subdirectories do not). */
  async filesIn(hostDir: string, accept: (name: string) => boolean = () => true): Promise<string[]> {
    let names: string[];
    try {
      names = await this.hostFs.list(hostDir);
    } catch (error) {
      if (!isNotFound(error)) this.errors.push(describeFsError(hostDir, error));
      return [];
    }
    const files: string[] = [];
    for (const name of names.filter(accept)) {
      const hostPath = path.posix.join(hostDir, name);
      try {
        if ((await this.hostFs.stat(hostPath)).stats.isFile()) files.push(hostPath);
      } catch (error) {
        if (!isNotFound(error)) this.errors.push(describeFsError(hostPath, error));
      }
    }
    return files;
  }

  /** Every regular file under a directory, recursively (directory symlinks are not followed), sorted. */
  async filesUnder(hostDir: string): Promise<string[]> {
    const found: string[] = [];
    let truncated = false;
    const walk = async (dir: string, depth: number): Promise<void> => {
      let names: string[];
      try {
        names = await this.hostFs.list(dir);
      } catch (error) {
        if (!isNotFound(error) || dir !== hostDir) this.errors.push(describeFsError(dir, error));
        return;
      }
      for (const name of names) {
        if (found.length >= MAX_WALK_ENTRIES) {
          if (!truncated) this.errors.push(`${hostDir}: more than ${MAX_WALK_ENTRIES} files, the rest were not examined`);
          truncated = true;
          return;
        }
        const hostPath = path.posix.join(dir, name);
        try {
          const entry = await this.hostFs.lstat(hostPath);
          if (entry.isDirectory()) {
            if (depth < MAX_WALK_DEPTH) await walk(hostPath, depth + 1);
          } else if (entry.isFile() || (entry.isSymbolicLink() && (await this.hostFs.stat(hostPath)).stats.isFile())) {
            found.push(hostPath);
          }
        } catch (error) {
          this.errors.push(describeFsError(hostPath, error));
        }
      }
    };
    await walk(hostDir, 0);
    return found.sort();
  }
}
