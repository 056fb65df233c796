// Loopback checks for bind addresses: `127.0.0.1`, any 127.0.0.0/8 address, `::1`, `localhost`,
// optionally with a port (`127.0.0.1:10249`, `[::1]:10249`).

/** The host part of `host`, `host:port` or `[v6]:port`. */
export function hostOf(address: string): string {
  const text = address.trim();
  if (text.startsWith("[")) {
    const end = text.indexOf("]");
    return end > 0 ? text.slice(1, end) : text;
  }
  const colons = text.split(":").length - 1;
  // One colon: host:port. More: a bare IPv6 address.
  return colons === 1 ? text.slice(0, text.indexOf(":")) : text;
}

export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase();
  if (h === "localhost" || h === "::1" || h === "0:0:0:0:0:0:0:1") return true;
  const parts = h.split(".");
  return parts.length === 4 && parts[0] === "127" && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}
