// The CIS file checks (permissions and ownership of the well-known Kubernetes files) share one shape:
// pick the file facts of some roles, compare each with the allowed mode or owners.
import { defineControl } from "../../engine/define-control";
import type { Control, ControlRefs, FileFact, NodeFileRole, NodeInfo, Severity, Violation } from "../../engine/types";
import { nodeTargets } from "./node-targets";

export interface LocatedFile {
  fact: FileFact;
  /** Path of the fact inside the NodeInfo: `spec.files.pkiFiles[2]`. */
  path: string;
}

/** The file facts of the given roles, with their NodeInfo paths. */
export function filesOfRoles(node: NodeInfo, roles: readonly NodeFileRole[]): LocatedFile[] {
  const located: LocatedFile[] = [];
  for (const role of roles) {
    const entry = node.spec?.files?.[role];
    if (Array.isArray(entry)) entry.forEach((fact, i) => located.push({ fact, path: `spec.files.${role}[${i}]` }));
    else if (entry) located.push({ fact: entry, path: `spec.files.${role}` });
  }
  return located.filter(({ fact }) => fact && typeof fact.mode === "number" && typeof fact.path === "string");
}

export function octal(mode: number): string {
  return (mode & 0o7777).toString(8).padStart(3, "0");
}

/** Permission bits set beyond what `maxMode` allows ("600 or more restrictive" = no bit outside 0600). */
export function extraModeBits(mode: number, maxMode: number): number {
  return mode & 0o7777 & ~maxMode;
}

/** The owner as a name; the numeric id speaks only when the name is unknown (0 is root everywhere). */
function principal(name: string | undefined, id: number | undefined): string | undefined {
  if (name) return name;
  if (id === 0) return "root";
  return id === undefined ? undefined : `#${id}`;
}

export function ownershipOf(fact: FileFact): { owner?: string; group?: string } {
  return { owner: principal(fact.owner, fact.uid), group: principal(fact.group, fact.gid) };
}

interface FileControlMeta {
  id: string;
  name: string;
  description: string;
  rationale: string;
  severity: Severity;
  remediation: string;
  refs: ControlRefs;
  /** File roles the control looks at; a node without any of them is not applicable. */
  roles: readonly NodeFileRole[];
  /** Narrows the facts of the roles (e.g. only private keys under the PKI directory). */
  select?: (fact: FileFact) => boolean;
}

/** A control failing every selected file with permission bits beyond `maxMode`. */
export function defineFileModeControl(meta: FileControlMeta & { maxMode: number }): Control<NodeInfo> {
  const { roles, select, maxMode, ...definition } = meta;
  return defineControl<NodeInfo>({
    ...definition,
    category: "node",
    needs: ["node"],
    kinds: ["NodeInfo"],
    targets: nodeTargets,
    tags: ["file-permissions"],
    evaluate(node) {
      const files = filesOfRoles(node, roles).filter(({ fact }) => !select || select(fact));
      if (!files.length) return null;
      const violations: Violation[] = [];
      for (const { fact, path } of files) {
        const extra = extraModeBits(fact.mode, maxMode);
        if (!extra) continue;
        violations.push({
          message: `${fact.path} has mode ${octal(fact.mode)}; at most ${octal(maxMode)} is allowed`,
          paths: [`${path}.mode`],
          fixPaths: [{ path: `${path}.mode`, value: octal(fact.mode & maxMode) }],
          fix: `chmod ${octal(fact.mode & maxMode)} ${fact.path}`,
        });
      }
      return violations;
    },
  });
}

/** A control failing every selected file not owned by one of the allowed `user:group` pairs. */
export function defineFileOwnershipControl(
  meta: FileControlMeta & { owners: readonly (readonly [string, string])[] },
): Control<NodeInfo> {
  const { roles, select, owners, ...definition } = meta;
  const allowed = owners.map(([u, g]) => `${u}:${g}`);
  return defineControl<NodeInfo>({
    ...definition,
    category: "node",
    needs: ["node"],
    kinds: ["NodeInfo"],
    targets: nodeTargets,
    tags: ["file-ownership"],
    evaluate(node) {
      const files = filesOfRoles(node, roles).filter(({ fact }) => !select || select(fact));
      if (!files.length) return null;
      const violations: Violation[] = [];
      for (const { fact, path } of files) {
        const { owner, group } = ownershipOf(fact);
        if (owner && group && owners.some(([u, g]) => u === owner && g === group)) continue;
        const actual = owner && group ? `${owner}:${group}` : "unknown (not collected)";
        violations.push({
          message: `${fact.path} is owned by ${actual}; expected ${allowed.join(" or ")}`,
          paths: [`${path}.owner`, `${path}.group`],
          fix: `chown ${allowed[0]} ${fact.path}`,
        });
      }
      return violations;
    },
  });
}

/** Private keys under the PKI directory (`*.key`). */
export function isPrivateKeyFile(fact: FileFact): boolean {
  return /\.key$/i.test(fact.path);
}

/** Certificates under the PKI directory (`*.crt`, `*.pem` that are not keys). */
export function isCertificateFile(fact: FileFact): boolean {
  return /\.(crt|cert|pem)$/i.test(fact.path) && !/key/i.test(fact.path.split("/").pop() ?? "");
}
