// Paginated list of one resource type (limit/continue), with retries on 429/5xx/timeouts and
// exponential backoff with jitter. Items of built-in lists lack kind/apiVersion: they are filled in.
import { KubeApiError, KubeTimeoutError, type KubeClient } from "./kube-client";
import type { ResourceType } from "./discover-resources";

export interface ListOptions {
  pageSize?: number;
  retries?: number;
  /** Base backoff in milliseconds (doubled per attempt, with full jitter). */
  backoffMs?: number;
  /** Stops a list that grows beyond this many objects (recorded as too_large). */
  maxObjects?: number;
}

export class ListTooLargeError extends Error {
  constructor(readonly count: number) {
    super(`more than ${count} objects; raise --max-objects-per-type to collect them`);
    this.name = "ListTooLargeError";
  }
}

function retryable(error: unknown): boolean {
  if (error instanceof KubeTimeoutError) return true;
  if (error instanceof KubeApiError) return error.status === 429 || error.status >= 500;
  // Network errors (reset, refused) are worth another try too.
  return !(error instanceof ListTooLargeError);
}

export function backoffDelay(attempt: number, baseMs: number, capMs = 30_000): number {
  return Math.random() * Math.min(capMs, baseMs * 2 ** attempt);
}

async function withRetries<T>(fn: () => Promise<T>, retries: number, backoffMs: number): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= retries || !retryable(error)) throw error;
      await new Promise((r) => setTimeout(r, backoffDelay(attempt, backoffMs)));
    }
  }
}

export function listPath(t: ResourceType): string {
  return t.group ? `/apis/${t.group}/${t.version}/${t.resource}` : `/api/${t.version}/${t.resource}`;
}

interface ListResponse {
  metadata?: { continue?: string };
  items?: Record<string, unknown>[];
}

/**
 * Lists every object of a type across namespaces, page by page, handing each item to `onItem` as it
 * arrives (so raw pages never pile up in memory). A failed page is retried on its own. Returns the count.
 */
export async function listResource(
  client: KubeClient,
  t: ResourceType,
  onItem: (item: Record<string, unknown>) => void,
  options: ListOptions = {},
): Promise<number> {
  const pageSize = options.pageSize ?? 250;
  const apiVersion = t.group ? `${t.group}/${t.version}` : t.version;
  let count = 0;
  let token: string | undefined;
  do {
    const page = await withRetries(
      () => client.get<ListResponse>(listPath(t), { limit: pageSize, continue: token }),
      options.retries ?? 3,
      options.backoffMs ?? 200,
    );
    for (const item of page.items ?? []) {
      onItem({ apiVersion, kind: t.kind, ...item });
      count++;
    }
    if (options.maxObjects && count > options.maxObjects) throw new ListTooLargeError(options.maxObjects);
    token = page.metadata?.continue || undefined;
  } while (token);
  return count;
}
