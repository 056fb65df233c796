import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// Local default matches the CI/dev PostgreSQL (trust auth on 127.0.0.1). `npm start` sets
// DATABASE_URL itself (embedded PGlite) before anything imports this module.
/** process.env or a plain map in tests (Next types make NODE_ENV mandatory on ProcessEnv). */
export type EnvironmentVariables = Record<string, string | undefined>;

const DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/shipshape";
const DEFAULT_POOL_SIZE = 5;

export function getDatabaseUrl(env: EnvironmentVariables = process.env): string {
  const url = env.DATABASE_URL?.trim();
  if (!url) return DEFAULT_DATABASE_URL;
  if (!/^postgres(ql)?:\/\//.test(url)) {
    // Only the scheme: the rest of the URL may hold a password.
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1] ?? "no scheme";
    throw new Error(`DATABASE_URL must be a postgres:// or postgresql:// URL (got ${scheme})`);
  }
  return url;
}

// The embedded PGlite server rejects connections beyond its limit instead of queueing them,
// so the pool size must stay configurable and below that limit.
export function getPoolSize(env: EnvironmentVariables = process.env): number {
  const raw = env.DATABASE_POOL_SIZE?.trim();
  if (!raw) return DEFAULT_POOL_SIZE;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1 || size > 100) {
    throw new Error(`DATABASE_POOL_SIZE must be an integer between 1 and 100 (got "${raw}")`);
  }
  return size;
}

export function createPrismaClient(
  options: { url?: string; poolSize?: number } = {},
): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: options.url ?? getDatabaseUrl(),
    max: options.poolSize ?? getPoolSize(),
  });
  return new PrismaClient({ adapter });
}

// One client per process: Next dev hot-reloads modules, which would otherwise open a new pool
// on every edit until the server runs out of connections.
const globalForPrisma = globalThis as unknown as { shipshapePrisma?: PrismaClient };

export const prisma: PrismaClient = globalForPrisma.shipshapePrisma ?? createPrismaClient();

if (process.env.NODE_ENV !== "production") globalForPrisma.shipshapePrisma = prisma;
