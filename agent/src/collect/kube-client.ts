// Read-only access to the Kubernetes API through the official client's configuration (kubeconfig,
// in-cluster service account, exec plugins, client certificates) with raw JSON GETs, so objects arrive
// exactly as the API serves them. client-node sets no request timeout: every request here has one.
import { KubeConfig } from "@kubernetes/client-node";
import fetch from "node-fetch";

export interface KubeConnectOptions {
  kubeconfig?: string;
  context?: string;
  inCluster?: boolean;
  /** Per-request timeout in milliseconds. */
  timeoutMs?: number;
}

/** An API error with the Status reason the server gave (Forbidden, NotFound, …). */
export class KubeApiError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
    this.name = "KubeApiError";
  }
}

export class KubeTimeoutError extends Error {
  constructor(path: string, ms: number) {
    super(`no answer from the API server for ${path} within ${ms} ms`);
    this.name = "KubeTimeoutError";
  }
}

export function loadKubeConfig(options: KubeConnectOptions): KubeConfig {
  const kc = new KubeConfig();
  if (options.inCluster) kc.loadFromCluster();
  else if (options.kubeconfig) kc.loadFromFile(options.kubeconfig);
  else kc.loadFromDefault();
  if (options.context) kc.setCurrentContext(options.context);
  if (!kc.getCurrentCluster()) throw new Error("no current cluster in the Kubernetes configuration");
  return kc;
}

export class KubeClient {
  readonly server: string;
  private readonly timeoutMs: number;

  constructor(
    private readonly kc: KubeConfig,
    options: { timeoutMs?: number } = {},
  ) {
    this.server = kc.getCurrentCluster()!.server.replace(/\/+$/, "");
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  /** GET a path and parse JSON; throws KubeApiError (with reason) or KubeTimeoutError. */
  async get<T = unknown>(path: string, query: Record<string, string | number | undefined> = {}): Promise<T> {
    const url = new URL(this.server + path);
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== "") url.searchParams.set(k, String(v));
    const init = (await this.kc.applyToFetchOptions({})) as Record<string, unknown>;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      const response = await fetch(url.toString(), {
        ...init,
        method: "GET",
        headers: { ...(init.headers as Record<string, string>), accept: "application/json" },
        signal: controller.signal as never,
      });
      const text = await response.text();
      if (!response.ok) {
        let reason = response.statusText || "Error";
        let message = text.slice(0, 500);
        try {
          const status = JSON.parse(text);
          if (status?.kind === "Status") {
            reason = status.reason || reason;
            message = status.message || message;
          }
        } catch {
          // not a Status object: keep the raw text
        }
        throw new KubeApiError(response.status, reason, message);
      }
      return JSON.parse(text) as T;
    } catch (error) {
      if ((error as Error).name === "AbortError") throw new KubeTimeoutError(path, this.timeoutMs);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}
