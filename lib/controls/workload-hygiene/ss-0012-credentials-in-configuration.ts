import { defineControl } from "../../engine/define-control";
import { isWorkload, WORKLOAD_KINDS } from "../../engine/workload";
import { credentialPolicy } from "./credential-detection";
import { commandLineCredentials, configMapCredentials, literalEnvCredentials } from "./environment-credentials";

export default defineControl({
  id: "SS-0012",
  name: "Credentials written into configuration",
  description:
    "Fails when a credential is written in plain text into a workload or a ConfigMap: a literal env value or command-line flag under a credential name (sensitiveKeyNames, matched by words, minus sensitiveKeyAllowList), a value shaped like a credential (private key, cloud or SaaS token, JWT, password in a URL, or a sensitiveValues pattern), or a value the agent redacted. Values taken from Secrets or ConfigMaps by reference are not literals and do not count here.",
  rationale:
    "Whatever is written into a pod spec or ConfigMap is readable by everyone who can read those objects, lands in Git, Helm history and backups, and cannot be rotated without a redeploy; attackers harvest such credentials first.",
  severity: "high",
  category: "secrets",
  kinds: [...WORKLOAD_KINDS, "ConfigMap"],
  evaluate(obj, ctx) {
    const policy = credentialPolicy(ctx);
    if (obj.kind === "ConfigMap") return configMapCredentials(obj, policy);
    if (!isWorkload(obj)) return null;
    const literal = literalEnvCredentials(obj, policy);
    const commandLine = commandLineCredentials(obj, policy);
    // Nearly always one list is empty: no copy then (the literal list is shared with SS-0259 and not returned as is).
    return literal.length ? literal.concat(commandLine) : commandLine;
  },
  remediation:
    "Move the credential into a Secret (or an external secret manager) and reference it with secretKeyRef or a mounted volume; rotate the exposed value, since it must be considered leaked.",
  refs: {
    kubescape: ["C-0012"],
    nsa: ["secrets-management"],
    mitre: ["T1552.001", "T1552.007"],
    soc2: ["CC6.1"],
    polaris: ["sensitiveContainerEnvVar", "sensitiveConfigmapContent"],
  },
});
