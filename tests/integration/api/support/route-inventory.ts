// The API surface, read from the file system: every app/api/**/route.ts with the HTTP methods it
// exports. Tests iterate this list, so a new route is covered (or flagged) without editing them.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export const APP_DIR = path.resolve(__dirname, "../../../../app");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;
export type HttpMethod = (typeof METHODS)[number];

export type ApiRoute = { file: string; pattern: string; params: string[]; methods: HttpMethod[] };

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (/^route\.(ts|tsx|js)$/.test(entry)) out.push(full);
  }
  return out;
}

export function exportedMethods(source: string): HttpMethod[] {
  const found = new Set<HttpMethod>();
  for (const m of METHODS) {
    if (new RegExp(`export\\s+(async\\s+)?function\\s+${m}\\b`).test(source)) found.add(m);
    if (new RegExp(`export\\s+(const|let|var)\\s+${m}\\b`).test(source)) found.add(m);
  }
  for (const match of source.matchAll(/export\s+const\s*\{([^}]*)\}\s*=/g)) {
    for (const name of match[1].split(",").map((s) => s.trim().split(/\s*:\s*/).pop()!)) {
      if ((METHODS as readonly string[]).includes(name)) found.add(name as HttpMethod);
    }
  }
  for (const match of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const name of match[1].split(",").map((s) => s.trim().split(/\s+as\s+/).pop()!)) {
      if ((METHODS as readonly string[]).includes(name)) found.add(name as HttpMethod);
    }
  }
  return METHODS.filter((m) => found.has(m));
}

export function listApiRoutes(): ApiRoute[] {
  return walk(path.join(APP_DIR, "api"))
    .map((file) => {
      const rel = path.relative(APP_DIR, path.dirname(file)).split(path.sep);
      // Route groups "(name)" do not appear in URLs.
      const segments = rel.filter((s) => !/^\(.*\)$/.test(s));
      const pattern = "/" + segments.join("/");
      const params = segments.filter((s) => s.startsWith("[")).map((s) => s.replace(/^\[+\.{0,3}|\]+$/g, ""));
      return { file: path.relative(path.resolve(APP_DIR, ".."), file), pattern, params, methods: exportedMethods(readFileSync(file, "utf8")) };
    })
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** Fills "[param]" segments from a map; throws for a parameter the map does not know. */
export function fillPattern(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/\[(\.\.\.)?([^\]]+)\]/g, (_, _rest, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no test value for route parameter [${name}] in ${pattern}: add one to the isolation test`);
    return encodeURIComponent(value);
  });
}

/** Files that declare server actions ("use server", at file level or inside a function). */
export function listServerActionFiles(roots: string[]): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      if (entry === "node_modules" || entry === "generated" || entry.startsWith(".")) continue;
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) visit(full);
      else if (/\.(ts|tsx)$/.test(entry) && /["']use server["']/.test(readFileSync(full, "utf8"))) out.push(full);
    }
  };
  roots.forEach(visit);
  return out;
}
