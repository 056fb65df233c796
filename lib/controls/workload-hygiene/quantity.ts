// Kubernetes resource quantities (k8s.io/apimachinery resource.Quantity): a signed decimal number
// with an optional binary-SI suffix (Ki Mi Gi Ti Pi Ei), decimal-SI suffix (n u m k M G T P E) or
// decimal exponent (e3, E-2). "500m" CPU = 0.5 cores, "1Gi" = 1073741824 bytes, "1e3" = 1000.

const BINARY_SUFFIXES: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const DECIMAL_SUFFIXES: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  "": 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

/**
 * The numeric value of a quantity in base units (cores for CPU, bytes for memory), or undefined
 * when it is not a valid quantity. Numbers (YAML `cpu: 2`) are accepted as they are.
 */
export function parseQuantity(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  const m = value.trim().match(QUANTITY);
  if (!m) return undefined;
  const number = Number(m[1]);
  const suffix = m[2] ?? "";
  let multiplier: number;
  if (suffix in BINARY_SUFFIXES) multiplier = BINARY_SUFFIXES[suffix];
  else if (suffix in DECIMAL_SUFFIXES) multiplier = DECIMAL_SUFFIXES[suffix];
  else multiplier = 10 ** Number(suffix.slice(1));
  const result = number * multiplier;
  return Number.isFinite(result) ? result : undefined;
}

/** Compares two quantities with a relative tolerance for floating-point noise ("0.1" vs "100m"). */
export function compareQuantities(a: number, b: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(b), Number.MIN_VALUE);
  if (Math.abs(a - b) <= scale * 1e-12) return 0;
  return a < b ? -1 : 1;
}
