// The command table and the one top-level error handler.
import { Command, CommanderError } from "commander";
import { registerAgentCommand } from "./commands/agent";
import { registerImportCommand } from "./commands/import";
import { registerNodeCommand } from "./commands/node";
import { registerPreflightCommand } from "./commands/preflight";
import { registerScanCommand } from "./commands/scan";
import { EXIT_RUNTIME, EXIT_USAGE, RuntimeFailure, UsageError } from "./errors";
import { AGENT_VERSION } from "./version";

export function buildProgram(): Command {
  const program = new Command("shipshape")
    .description("Shipshape: Kubernetes security posture — scan manifests in CI, or run as the in-cluster agent.")
    .version(AGENT_VERSION)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerScanCommand(program);
  registerAgentCommand(program);
  registerPreflightCommand(program);
  registerImportCommand(program);
  registerNodeCommand(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.exitCode === 0) return 0;
      return EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`shipshape: ${error.message}\n`);
      return EXIT_USAGE;
    }
    const message = error instanceof RuntimeFailure ? error.message : `unexpected error: ${(error as Error)?.stack ?? error}`;
    process.stderr.write(`shipshape: ${message}\n`);
    return EXIT_RUNTIME;
  }
}
