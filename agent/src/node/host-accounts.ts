// User and group names of the node (its /etc/passwd and /etc/group), so file ownership reads as
// `stat -c %U:%G` would print it on the node rather than as the container's own account database says.
import { isNotFound, type HostFs } from "./host-fs";

export interface HostAccounts {
  userName(uid: number): string | undefined;
  groupName(gid: number): string | undefined;
}

/** id → name from a passwd- or group-format file; the first entry of an id wins, as getpwuid(3) does. */
export function parseAccountFile(text: string): Map<number, string> {
  const names = new Map<number, string>();
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const fields = line.split(":");
    if (fields.length < 3 || !fields[0] || /^[+-]/.test(fields[0])) continue;
    const id = Number(fields[2]);
    if (!Number.isInteger(id) || id < 0 || fields[2].trim() === "") continue;
    if (!names.has(id)) names.set(id, fields[0]);
  }
  return names;
}

/** Reads the node's account databases; a missing or unreadable file leaves names unresolved (ids still count). */
export async function readHostAccounts(hostFs: HostFs, errors: string[]): Promise<HostAccounts> {
  const load = async (file: string) => {
    try {
      return parseAccountFile(await hostFs.readText(file));
    } catch (error) {
      errors.push(isNotFound(error) ? `${file}: does not exist, owner names are not resolved` : `${file}: ${(error as Error).message}`);
      return new Map<number, string>();
    }
  };
  const [users, groups] = [await load("/etc/passwd"), await load("/etc/group")];
  return { userName: (uid) => users.get(uid), groupName: (gid) => groups.get(gid) };
}
