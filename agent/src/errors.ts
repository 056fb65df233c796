// CLI error taxonomy → exit codes: 0 ok, 1 findings over threshold, 2 usage/config error, 3 runtime failure.

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
export const EXIT_RUNTIME = 3;

/** The user asked for something impossible (bad flag, missing file, invalid settings). */
export class UsageError extends Error {
  readonly exitCode = EXIT_USAGE;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "UsageError";
  }
}

/** Something failed while doing the work (I/O, network, a bug). */
export class RuntimeFailure extends Error {
  readonly exitCode = EXIT_RUNTIME;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "RuntimeFailure";
  }
}
