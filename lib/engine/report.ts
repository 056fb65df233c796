// The versioned scan report (JSON Schema: schemas/scan-report.schema.json).
import type { ControlCategory, ControlRefs, ControlStatus, DataNeed, FixPath, ObjectRef, Severity, SubjectRef } from "./types";

export const REPORT_SCHEMA_VERSION = "1.0";

export interface ReportFinding {
  controlId: string;
  severity: Severity;
  object?: ObjectRef;
  subject?: SubjectRef;
  message: string;
  paths: string[];
  fixPaths: FixPath[];
  fix: string;
  related: ObjectRef[];
  /** Set when an exception turned this failure into `excepted`. */
  exceptionId?: string;
}

export interface ReportControl {
  id: string;
  name: string;
  severity: Severity;
  category: ControlCategory;
  needs: DataNeed[];
  refs: ControlRefs;
  status: ControlStatus;
  /** Resources: passed, failed (not excepted), excepted. */
  counts: { passed: number; failed: number; excepted: number; total: number };
  /** Compliance score 0–100, null when no resource was evaluated. */
  score: number | null;
  reason?: string;
}

export interface ReportFramework {
  id: string;
  name: string;
  version: string;
  score: number | null;
  riskScore: number;
  counts: { passed: number; failed: number; excepted: number; skipped: number; manual: number; notApplicable: number };
  controls: { controlId: string; ref?: string; status: ControlStatus; score: number | null }[];
}

export interface ScanReport {
  schemaVersion: string;
  engineVersion: string;
  libraryVersion: string;
  generatedAt: string;
  cluster?: { name?: string; provider?: string; kubernetesVersion?: string };
  summary: {
    objects: number;
    nodes: number;
    controls: Record<ControlStatus, number>;
    failedBySeverity: Record<Severity, number>;
    findings: number;
    exceptionsApplied: Record<string, number>;
  };
  frameworks: ReportFramework[];
  controls: ReportControl[];
  findings: ReportFinding[];
  errors: { controlId: string; message: string }[];
}
