// Importers of other tools' results: Kubescape scans and image vulnerability reports (docs/imports.md).
export { ImportError, MAX_IMPORT_BYTES, readJsonInput, type ImportErrorCode, type ImportInput, type ImportIssue } from "./import-error";
export {
  importKubescapeResults,
  kubescapeObjects,
  mapKubescapeControlId,
  parseResourceId,
  severityFromBaseScore,
  UNMAPPED_PREFIX,
  type ControlMapping,
  type ImportedScan,
  type KubescapeImportOptions,
  type KubescapeScores,
  type UnmappedControl,
} from "./kubescape";
export { currentKubescapeId } from "./kubescape-legacy-ids";
export {
  detectVulnerabilityFormat,
  digestOf,
  importVulnerabilityReports,
  VULNERABILITY_SEVERITIES,
  type ImageVulnerability,
  type ImageVulnerabilityReport,
  type ScannedImage,
  type VulnerabilityImport,
  type VulnerabilitySeverity,
} from "./vulnerabilities";
export {
  joinVulnerabilitiesToWorkloads,
  type ContainerImageMatch,
  type VulnerabilityJoin,
  type WorkloadExposure,
  type WorkloadVulnerabilities,
  type WorkloadVulnerability,
} from "./join-vulnerabilities";
