// A heartbeat file for exec liveness/readiness probes: the process has no port to probe (it only
// makes outbound requests), so it proves it is alive by touching a file that a probe checks the age of.
// The probe command lives in the deploy manifests: `node -e` comparing the file's mtime with now.
import fs from "node:fs/promises";

export class Heartbeat {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly file: string,
    private readonly everyMs = 10_000,
  ) {}

  /** Touches the file now and then periodically; an event loop that stops turning stops the touches. */
  async start(): Promise<void> {
    await this.beat();
    this.timer = setInterval(() => void this.beat(), this.everyMs);
    this.timer.unref();
  }

  async beat(): Promise<void> {
    const now = new Date();
    try {
      await fs.utimes(this.file, now, now);
    } catch {
      await fs.writeFile(this.file, `${now.toISOString()}\n`).catch(() => undefined);
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await fs.rm(this.file, { force: true });
  }
}
