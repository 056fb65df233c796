// CIDR arithmetic for NetworkPolicy ipBlocks and Cilium toCIDR/toCIDRSet peers (IPv4 and IPv6).

interface ParsedCidr {
  family: 4 | 6;
  /** Network address as a big integer (32 or 128 bits). */
  base: bigint;
  prefix: number;
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    value = (value << 8n) | BigInt(n);
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return undefined;
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const groupsOf = (s: string): string[] => (s === "" ? [] : s.split(":"));
  let head = groupsOf(halves[0]);
  let tail = halves.length === 2 ? groupsOf(halves[1]) : [];
  // An embedded IPv4 tail (::ffff:1.2.3.4) counts as two groups.
  const expandV4 = (groups: string[]): string[] | undefined => {
    const last = groups[groups.length - 1];
    if (!last || !last.includes(".")) return groups;
    const v4 = parseIpv4(last);
    if (v4 === undefined) return undefined;
    return [...groups.slice(0, -1), ((v4 >> 16n) & 0xffffn).toString(16), (v4 & 0xffffn).toString(16)];
  };
  if (halves.length === 2) {
    const t = expandV4(tail);
    if (!t) return undefined;
    tail = t;
  } else {
    const h = expandV4(head);
    if (!h) return undefined;
    head = h;
  }
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...Array(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  let value = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    value = (value << 16n) | BigInt(parseInt(g, 16));
  }
  return value;
}

/** Parses `a.b.c.d/n`, an IPv6 CIDR, or a bare address (treated as a host route). Undefined when malformed. */
export function parseCidr(text: unknown): ParsedCidr | undefined {
  if (typeof text !== "string") return undefined;
  const [address, prefixText, extra] = text.trim().split("/");
  if (extra !== undefined || !address) return undefined;
  const v4 = parseIpv4(address);
  const family: 4 | 6 | undefined = v4 !== undefined ? 4 : parseIpv6(address) !== undefined ? 6 : undefined;
  if (!family) return undefined;
  const bits = family === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? bits : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > bits) return undefined;
  const raw = family === 4 ? v4! : parseIpv6(address)!;
  const hostBits = BigInt(bits - prefix);
  const base = (raw >> hostBits) << hostBits;
  return { family, base, prefix };
}

/** True when the CIDR spans a whole address family (`0.0.0.0/0`, `::/0`). */
export function isUniversalCidr(text: unknown): boolean {
  return parseCidr(text)?.prefix === 0;
}

/** True when the single address lies inside the CIDR (same family only). */
export function cidrContains(cidr: unknown, address: string): boolean {
  const block = parseCidr(cidr);
  const host = parseCidr(address);
  if (!block || !host || block.family !== host.family) return false;
  const bits = block.family === 4 ? 32 : 128;
  const hostBits = BigInt(bits - block.prefix);
  return host.base >> hostBits === block.base >> hostBits;
}

/** True when an ipBlock-style `{ cidr, except }` admits the address. */
export function ipBlockAdmits(block: { cidr?: unknown; except?: unknown } | undefined, address: string): boolean {
  if (!block || !cidrContains(block.cidr, address)) return false;
  const except = Array.isArray(block.except) ? block.except : [];
  return !except.some((e) => cidrContains(e, address));
}
