// Credentials a workload's containers receive through their environment and command line.
import type { EvalContext, K8sObject, Violation } from "../../engine/types";
import {
  credentialPolicy,
  credentialReason,
  credentialsInConfigText,
  detectCredentialValue,
  type CredentialPolicy,
} from "./credential-detection";
import { findNamespaced } from "./scan-lookups";
import { namespaceOf } from "./scan-lookups";
import { containersOfObject, NO_VIOLATIONS } from "./container-resources";

// Literal env findings per policy and workload: SS-0012 and SS-0259 both ask for them.
const literalFindings = new WeakMap<CredentialPolicy, WeakMap<K8sObject, readonly Violation[]>>();
const NO_ITEMS: readonly unknown[] = Object.freeze([]);

/** Literal credentials in `env[].value` of every container (regular, init, ephemeral). Shared by several controls: read-only. */
export function literalEnvCredentials(obj: K8sObject, policy: CredentialPolicy): readonly Violation[] {
  let byObject = literalFindings.get(policy);
  if (!byObject) literalFindings.set(policy, (byObject = new WeakMap()));
  let violations = byObject.get(obj);
  if (!violations) byObject.set(obj, (violations = findLiteralEnvCredentials(obj, policy)));
  return violations;
}

function findLiteralEnvCredentials(obj: K8sObject, policy: CredentialPolicy): readonly Violation[] {
  let violations: Violation[] | undefined;
  for (const { container, path } of containersOfObject(obj)) {
    const env: readonly unknown[] = Array.isArray(container.env) ? container.env : NO_ITEMS;
    for (let j = 0; j < env.length; j++) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const e = env[j] as any;
      if (typeof e?.name !== "string" || e.valueFrom) continue;
      const reason = credentialReason(e.name, e.value, policy);
      if (!reason) continue;
      (violations ??= []).push({
        message: `container "${container.name ?? "(unnamed)"}" sets ${e.name} to a literal credential (${reason})`,
        paths: [`${path}.env[${j}].name`, `${path}.env[${j}].value`],
      });
    }
  }
  return violations ?? NO_VIOLATIONS;
}

/** Credentials written into command or args: `--password=…`, `--token=…`, or credential-shaped text. */
export function commandLineCredentials(obj: K8sObject, policy: CredentialPolicy): Violation[] {
  let violations: Violation[] | undefined;
  for (const { container, path } of containersOfObject(obj)) {
    if (Array.isArray(container.command)) violations = addArgumentCredentials(violations, container, container.command, path, ".command", policy);
    if (Array.isArray(container.args)) violations = addArgumentCredentials(violations, container, container.args, path, ".args", policy);
  }
  return violations ?? NO_VIOLATIONS;
}

const FLAG_WITH_VALUE = /^--?([A-Za-z][\w.-]*)=(.+)$/s;

/** `violations` with the list's credentials appended (a new list at the first one); the list's path is built only then. */
function addArgumentCredentials(
  violations: Violation[] | undefined,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  container: any,
  list: unknown[],
  containerPath: string,
  field: ".command" | ".args",
  policy: CredentialPolicy,
): Violation[] | undefined {
  for (let k = 0; k < list.length; k++) {
    const arg = list[k];
    if (typeof arg !== "string") continue;
    const flag = arg.match(FLAG_WITH_VALUE);
    const reason = flag ? credentialReason(flag[1], flag[2], policy) : detectCredentialValue(arg, policy.valuePatterns);
    if (!reason) continue;
    (violations ??= []).push({
      message: `container "${container.name ?? "(unnamed)"}" passes a credential on its command line (${reason})`,
      paths: [`${containerPath}${field}[${k}]`],
    });
  }
  return violations;
}

const configMapFindings = new WeakMap<K8sObject, { policy: CredentialPolicy; violations: Violation[] }>();

/** Credentials stored in a ConfigMap: entries under credential names, credential-shaped values, and assignments inside config files. */
export function configMapCredentials(cm: K8sObject, policy: CredentialPolicy): Violation[] {
  const memo = configMapFindings.get(cm);
  if (memo && memo.policy === policy) return memo.violations;
  const violations = findConfigMapCredentials(cm, policy);
  configMapFindings.set(cm, { policy, violations });
  return violations;
}

function findConfigMapCredentials(cm: K8sObject, policy: CredentialPolicy): Violation[] {
  const violations: Violation[] = [];
  const data = cm.data && typeof cm.data === "object" ? (cm.data as Record<string, unknown>) : {};
  for (const [key, value] of Object.entries(data)) {
    if (typeof value !== "string") continue;
    let reason: string | undefined;
    if (value.includes("\n")) {
      // A whole file: its name says nothing about whether it holds a secret; its content does.
      reason = detectCredentialValue(value, policy.valuePatterns);
      if (!reason) {
        const inside = credentialsInConfigText(value, policy, 1)[0];
        if (inside) reason = `"${inside.key}" is assigned a literal credential inside the file`;
      }
    } else {
      reason = credentialReason(key, value, policy);
    }
    if (reason) violations.push({ message: `ConfigMap entry "${key}" holds a credential (${reason})`, paths: [`data[${key}]`] });
  }
  return violations;
}


/**
 * Credentials the containers receive from Secrets through env or envFrom, and ConfigMap values that
 * are credentials (resolved when the ConfigMap is in the scan).
 */
export function referencedEnvCredentials(obj: K8sObject, ctx: EvalContext, policy: CredentialPolicy = credentialPolicy(ctx)): Violation[] {
  const ns = namespaceOf(obj);
  let violations: Violation[] | undefined;
  for (const { container, path } of containersOfObject(obj)) {
    const name = container.name ?? "(unnamed)";
    const env: readonly unknown[] = Array.isArray(container.env) ? container.env : NO_ITEMS;
    for (let j = 0; j < env.length; j++) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const e = env[j] as any;
      const secret = e?.valueFrom?.secretKeyRef;
      if (typeof secret?.name === "string") {
        (violations ??= []).push({
          message: `container "${name}" reads Secret ${secret.name}${secret.key ? ` key ${secret.key}` : ""} into ${e.name}`,
          paths: [`${path}.env[${j}].name`],
        });
        continue;
      }
      const cmRef = e?.valueFrom?.configMapKeyRef;
      if (typeof cmRef?.name === "string" && typeof cmRef.key === "string" && typeof e.name === "string") {
        const cm = findNamespaced(ctx, "ConfigMap", ns, cmRef.name);
        const value = cm?.data?.[cmRef.key];
        if (typeof value === "string" && (credentialReason(e.name, value, policy) || credentialReason(cmRef.key, value, policy))) {
          (violations ??= []).push({
            message: `container "${name}" reads a credential from ConfigMap ${cmRef.name} key ${cmRef.key} into ${e.name}`,
            paths: [`${path}.env[${j}].name`],
          });
        }
      }
    }
    const envFrom: readonly unknown[] = Array.isArray(container.envFrom) ? container.envFrom : NO_ITEMS;
    for (let j = 0; j < envFrom.length; j++) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const s = envFrom[j] as any;
      if (typeof s?.secretRef?.name === "string") {
        (violations ??= []).push({
          message: `container "${name}" imports every key of Secret ${s.secretRef.name} as environment variables`,
          paths: [`${path}.envFrom[${j}].secretRef`],
        });
      } else if (typeof s?.configMapRef?.name === "string") {
        const cm = findNamespaced(ctx, "ConfigMap", ns, s.configMapRef.name);
        if (cm && configMapCredentials(cm, policy).length) {
          (violations ??= []).push({
            message: `container "${name}" imports ConfigMap ${s.configMapRef.name}, which holds credentials, as environment variables`,
            paths: [`${path}.envFrom[${j}].configMapRef`],
          });
        }
      }
    }
  }
  return violations ?? NO_VIOLATIONS;
}
