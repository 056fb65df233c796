// Public API of the RBAC model. Pure: no Node, network or database imports.
export { buildRbacModel, relatedObjectsOf, relatedOfGrant, RbacModel } from "./model";
export type {
  BindingKind,
  BindingNode,
  BoundSubject,
  EffectivePermissions,
  EffectiveRule,
  GrantPath,
  MatchedGrant,
  RbacObjectSource,
  RoleKind,
  RoleNode,
  RulesListing,
  SubjectSummary,
  WhoCanQuery,
  WhoCanResult,
} from "./model";
export {
  apiGroupMatches,
  matchNonResourceRule,
  matchResourceRule,
  nonResourceURLMatches,
  normalizeRule,
  resourceMatches,
  resourceNameMatches,
  verbMatches,
} from "./rule-matching";
export type { NonResourceRequest, RbacRule, ResourceRequest, RuleMatch } from "./rule-matching";
export { defaultApiGroupOf, isClusterScoped } from "./resource-scope";
export {
  implicitGroupsOf,
  isAnonymousSubject,
  isSuperuserGroup,
  normalizeBindingSubject,
  serviceAccountOfUsername,
  subjectKey,
  subjectLabel,
  SYSTEM_ANONYMOUS,
  SYSTEM_AUTHENTICATED,
  SYSTEM_MASTERS,
  SYSTEM_SERVICEACCOUNTS,
  SYSTEM_UNAUTHENTICATED,
} from "./subjects";
export { compilePatterns, CompiledPatterns, matchGrant, matchRulePattern, patternsFor, scopeAllows } from "./permission-patterns";
export type { PermissionPattern, RuleTest } from "./permission-patterns";
export { CAPABILITY, KUBE_SYSTEM } from "./capabilities";
export type { CapabilityName } from "./capabilities";
export {
  describeGrant,
  describeObject,
  findGrants,
  findGrantsWhere,
  GrantSearch,
  grantSearch,
  hitsToViolations,
  ruleSearch,
  scopeLabel,
} from "./grant-findings";
export type { FindGrantsOptions, GrantHit } from "./grant-findings";
export { evaluateRiskyRule, RISKY_PERMISSION_RULES, riskyGrantsOf, riskyPermissionRule } from "./risky-permissions";
export type { RiskyPermissionRule } from "./risky-permissions";
export {
  ATTACK_IMPACTS,
  attackPathsForWorkload,
  attackPathsFromEntry,
  buildExposureIndex,
  computeAttackPaths,
  exposureOf,
  hostPrivilegesOf,
  podSpecHasHostPrivileges,
} from "./attack-paths";
export type { AttackEntry, AttackImpact, AttackPath, AttackPathStep, Exposure } from "./attack-paths";
export { focusGraph, roleRisk, subjectRisk } from "./focus-graph";
export type { FocusGraph, FocusGraphOptions, GraphEdge, GraphFocus, GraphNode, GraphNodeType } from "./focus-graph";
export {
  findServiceAccountObject,
  serviceAccountObjectOf,
  serviceAccountOfWorkload,
  serviceAccountTokenMounted,
} from "./workload-identity";
