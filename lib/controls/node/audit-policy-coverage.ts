// How an audit policy (audit.k8s.io/v1 Policy) treats requests to a given resource. The API server
// applies the FIRST rule that matches a request; a request no rule matches is not logged (level None).
// Rules restricted to some users, groups, namespaces or object names only decide for part of the
// requests, so the level that applies to requests in general is the one of the first rule that
// matches the resource without such a restriction.

export type AuditLevel = "None" | "Metadata" | "Request" | "RequestResponse";

const LEVELS = new Set<AuditLevel>(["None", "Metadata", "Request", "RequestResponse"]);

export interface AuditedResource {
  group: string;
  /** `pods`, or `pods/exec` for a subresource. */
  resource: string;
  /** The verbs whose logging matters (a rule limited to other verbs does not decide for these). */
  verbs: readonly string[];
}

export interface ResourceAuditTreatment {
  /** Level of requests in general; None when no unrestricted rule matches. */
  level: AuditLevel;
  /** Index of the rule that gives it (undefined when no rule does). */
  ruleIndex?: number;
  /** Earlier rules that match only some of the requests, with their levels. */
  partial: { ruleIndex: number; level: AuditLevel }[];
}

type Rule = Record<string, unknown>;

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Whether one GroupResources entry of a rule covers the resource (and with a resourceNames restriction). */
function groupResourceMatch(entry: unknown, target: AuditedResource): "all" | "some" | false {
  if (!entry || typeof entry !== "object") return false;
  const gr = entry as Record<string, unknown>;
  const group = typeof gr.group === "string" ? gr.group : "";
  if (group !== target.group) return false;
  const names = list(gr.resources).filter((r): r is string => typeof r === "string");
  const [resource, sub] = target.resource.split("/");
  // The API server's matching: "*" is everything, "pods/*" is pods and all its subresources,
  // "*/exec" is that subresource of any resource.
  const matches =
    names.length === 0 ||
    names.some((n) => n === target.resource || n === "*" || n === `${resource}/*` || (sub !== undefined && n === `*/${sub}`));
  if (!matches) return false;
  return list(gr.resourceNames).length ? "some" : "all";
}

/** Whether the rule applies to requests for the resource: to all of them, only some, or none. */
function ruleMatch(rule: Rule, target: AuditedResource): "all" | "some" | false {
  // A rule naming non-resource URLs never applies to resource requests.
  if (list(rule.nonResourceURLs).length) return false;
  const resources = list(rule.resources);
  let scope: "all" | "some" | false;
  if (resources.length === 0) {
    scope = "all";
  } else {
    const matches = resources.map((e) => groupResourceMatch(e, target));
    scope = matches.includes("all") ? "all" : matches.includes("some") ? "some" : false;
  }
  if (!scope) return false;
  const verbs = list(rule.verbs);
  const coversVerbs = verbs.length === 0 || verbs.includes("*") || target.verbs.every((v) => verbs.includes(v));
  if (!coversVerbs && !target.verbs.some((v) => verbs.includes(v))) return false;
  const restricted = list(rule.users).length > 0 || list(rule.userGroups).length > 0 || list(rule.namespaces).length > 0 || !coversVerbs;
  return restricted ? "some" : scope;
}

function levelOf(rule: Rule): AuditLevel {
  return LEVELS.has(rule.level as AuditLevel) ? (rule.level as AuditLevel) : "None";
}

/** How the policy's rules treat requests to the resource. */
export function auditTreatment(policy: Record<string, unknown>, target: AuditedResource): ResourceAuditTreatment {
  const rules = list(policy.rules);
  const partial: ResourceAuditTreatment["partial"] = [];
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    if (!rule || typeof rule !== "object") continue;
    const match = ruleMatch(rule as Rule, target);
    if (match === "all") return { level: levelOf(rule as Rule), ruleIndex: i, partial };
    if (match === "some") partial.push({ ruleIndex: i, level: levelOf(rule as Rule) });
  }
  return { level: "None", partial };
}
