import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { containersOfObject, NO_VIOLATIONS } from "./container-resources";

const SHELLS = /(?:^|\/)(?:sh|bash|ash|dash|zsh|ksh)$/;
const SUDO_WORD = /(?:^|[\s;&|(`]|\/)sudo(?:\s|$)/;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function strings(list: any): string[] {
  return Array.isArray(list) ? list.map((x) => (typeof x === "string" ? x : "")) : [];
}

/** Whether sudo can appear where it is looked for (a command element or the first arg): rules out nearly every container cheaply. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function mentionsSudo(container: any): boolean {
  if (Array.isArray(container.command)) for (const c of container.command) if (typeof c === "string" && c.includes("sudo")) return true;
  const first = Array.isArray(container.args) ? container.args[0] : undefined;
  return typeof first === "string" && first.includes("sudo");
}

export default defineControl({
  id: "SS-0062",
  name: "sudo in container entrypoint",
  description:
    "Fails when a container's command runs sudo: as the program itself (`sudo`, `/usr/bin/sudo`) or inside a shell script it runs with `-c` (including a script passed in args).",
  rationale:
    "sudo in an entrypoint means the image ships a setuid escalation path and expects to gain root inside the container; an attacker who gets a shell there inherits the same route to root.",
  severity: "medium",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj) {
    let violations: Violation[] | undefined;
    for (const { container, path } of containersOfObject(obj)) {
      if (!mentionsSudo(container)) continue;
      const command = strings(container.command);
      const args = strings(container.args);
      const hits: string[] = [];
      command.forEach((c, k) => {
        if (SUDO_WORD.test(c)) hits.push(`${path}.command[${k}]`);
      });
      // `sh -c` runs a script: either the next command element or, when command ends at -c, the first arg.
      const dashC = command.findIndex((c, k) => c === "-c" && k > 0 && SHELLS.test(command[0]));
      if (dashC >= 0 && dashC === command.length - 1 && args.length && SUDO_WORD.test(args[0])) hits.push(`${path}.args[0]`);
      if (hits.length) {
        (violations ??= []).push({ message: `container "${container.name ?? "(unnamed)"}" runs sudo in its entrypoint`, paths: hits });
      }
    }
    return violations ?? NO_VIOLATIONS;
  },
  remediation:
    "Run the process directly as the user it needs: set securityContext.runAsUser and grant only specific capabilities, and remove sudo from the image.",
  refs: { kubescape: ["C-0062"], mitre: ["T1548.003"] },
});
