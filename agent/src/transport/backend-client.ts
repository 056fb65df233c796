// HTTP to the Shipshape backend: egress only, honours HTTPS_PROXY/HTTP_PROXY/NO_PROXY and a custom CA,
// bearer agent token, per-request timeout, retries with exponential backoff and full jitter.
import fs from "node:fs";
import { EnvHttpProxyAgent, fetch, type Dispatcher } from "undici";

export interface BackendOptions {
  server: string;
  token: string;
  /** PEM file of extra CA certificates to trust (private PKI, TLS-inspecting proxies). */
  caFile?: string;
  timeoutMs?: number;
  retries?: number;
  backoffMs?: number;
}

/** The backend refused the agent's credentials: retrying cannot help. */
export class AuthRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AuthRejectedError";
  }
}

/** The backend answered with a client error (bad payload): retrying cannot help. */
export class BackendRejectedError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "BackendRejectedError";
  }
}

export class BackendClient {
  private readonly dispatcher: Dispatcher;
  private readonly base: string;
  /** Bytes of request bodies sent (compressed), for the push figures. */
  bytesSent = 0;

  constructor(private readonly options: BackendOptions) {
    this.base = options.server.replace(/\/+$/, "");
    const ca = options.caFile ? fs.readFileSync(options.caFile, "utf8") : undefined;
    this.dispatcher = new EnvHttpProxyAgent({ connect: ca ? { ca } : {}, requestTls: ca ? { ca } : undefined });
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }

  /** Sends one request with retries; returns the parsed JSON answer. */
  async request<T>(method: string, path: string, body?: Buffer, headers: Record<string, string> = {}): Promise<T> {
    const retries = this.options.retries ?? 5;
    const backoffMs = this.options.backoffMs ?? 500;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once<T>(method, path, body, headers);
      } catch (error) {
        const fatal = error instanceof AuthRejectedError || error instanceof BackendRejectedError;
        if (fatal || attempt >= retries) throw error;
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(60_000, backoffMs * 2 ** attempt)));
      }
    }
  }

  private async once<T>(method: string, path: string, body: Buffer | undefined, headers: Record<string, string>): Promise<T> {
    const response = await fetch(this.base + path, {
      method,
      body,
      dispatcher: this.dispatcher,
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 60_000),
      headers: { authorization: `Bearer ${this.options.token}`, accept: "application/json", ...headers },
    });
    if (body) this.bytesSent += body.length;
    const text = await response.text();
    if (response.status === 401 || response.status === 403) {
      throw new AuthRejectedError(`the backend refused the agent token (${response.status}): ${errorMessage(text)}`);
    }
    if (response.status === 429 || response.status >= 500) throw new Error(`backend answered ${response.status}: ${errorMessage(text)}`);
    if (!response.ok) throw new BackendRejectedError(response.status, `backend refused ${method} ${path} (${response.status}): ${errorMessage(text)}`);
    return (text ? JSON.parse(text) : {}) as T;
  }
}

function errorMessage(text: string): string {
  try {
    const parsed = JSON.parse(text);
    return parsed?.error?.message ?? text.slice(0, 300);
  } catch {
    return text.slice(0, 300);
  }
}
