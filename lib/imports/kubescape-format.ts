// The parts of Kubescape's JSON results (`kubescape scan --format json`, report format v2: opa-utils
// PostureReport) that the importer reads. Go writes nil slices and maps as null, so every list and
// map may be null; fields we do not read are not validated (and not kept by these schemas).
import { z } from "zod";

const text = z.string().nullish();
const count = z.number().nullish();

export const ZStatusInfo = z.object({
  status: text,
  subStatus: text,
  info: text,
});

export const ZPosturePath = z.object({
  failedPath: text,
  reviewPath: text,
  deletePath: text,
  fixPath: z.object({ path: text, value: z.unknown() }).nullish(),
});

export const ZPostureException = z.object({
  name: text,
  guid: text,
});

export const ZRule = z.object({
  name: text,
  status: text,
  subStatus: text,
  paths: z.array(ZPosturePath).nullish(),
  exception: z.array(ZPostureException).nullish(),
});

export const ZResultControl = z.object({
  controlID: z.string(),
  name: text,
  /** Per-resource verdict; absent in reports written before Kubescape v2.3 (derived from rules then). */
  status: ZStatusInfo.nullish(),
  rules: z.array(ZRule).nullish(),
});

export const ZResult = z.object({
  resourceID: z.string(),
  controls: z.array(ZResultControl).nullish(),
});

export const ZResource = z.object({
  resourceID: z.string(),
  object: z.record(z.string(), z.unknown()).nullish(),
});

export const ZResourceCounters = z.object({
  passedResources: count,
  failedResources: count,
  skippedResources: count,
  excludedResources: count,
});

export const ZControlSummary = z.object({
  controlID: text,
  name: text,
  /** Older reports: passed, failed, skipped, irrelevant, excluded; newer ones add statusInfo. */
  status: text,
  statusInfo: ZStatusInfo.nullish(),
  score: count,
  complianceScore: count,
  /** Kubescape's base score; its severity is derived from it (≥ 9 critical, ≥ 7 high, ≥ 4 medium, ≥ 1 low). */
  scoreFactor: count,
  severity: text,
  ResourceCounters: ZResourceCounters.nullish(),
  category: z.object({ name: text, subCategory: z.object({ name: text }).nullish() }).nullish(),
});

export const ZFrameworkSummary = z.object({
  name: z.string(),
  version: text,
  status: text,
  score: count,
  complianceScore: count,
  controls: z.record(z.string(), ZControlSummary).nullish(),
});

export const ZSummaryDetails = z.object({
  status: text,
  score: count,
  complianceScore: count,
  controls: z.record(z.string(), ZControlSummary).nullish(),
  frameworks: z.array(ZFrameworkSummary).nullish(),
});

const ZClusterContext = z.object({
  contextName: text,
  cloudProvider: text,
  cloudMetadata: z.object({ cloudProvider: text }).nullish(),
  numberOfWorkerNodes: count,
});

export const ZKubescapeReport = z.object({
  generationTime: text,
  clusterName: text,
  clusterCloudProvider: text,
  reportGUID: text,
  /** Kubernetes version.Info of the API server (cluster scans). */
  clusterAPIServerInfo: z.object({ gitVersion: text, major: text, minor: text }).nullish(),
  metadata: z
    .object({
      targetMetadata: z
        .object({
          clusterContextMetadata: ZClusterContext.nullish(),
          gitRepoContextMetadata: z.object({ repo: text, remoteURL: text }).nullish(),
          fileContextMetadata: z.object({ filePath: text }).nullish(),
          directoryContextMetadata: z.object({ basePath: text }).nullish(),
          helmContextMetadata: z.object({ chartName: text }).nullish(),
        })
        .nullish(),
      clusterMetadata: ZClusterContext.nullish(),
      scanMetadata: z
        .object({
          kubescapeVersion: text,
          formatVersion: text,
          targetType: text,
          targetNames: z.array(z.string()).nullish(),
          /** 0 cluster, 1 file, 2 repo, 3 local git, 4 directory. */
          scanningTarget: count,
        })
        .nullish(),
    })
    .nullish(),
  summaryDetails: ZSummaryDetails,
  results: z.array(ZResult).nullish(),
  resources: z.array(ZResource).nullish(),
});

export type KubescapeReport = z.infer<typeof ZKubescapeReport>;
export type KubescapeResultControl = z.infer<typeof ZResultControl>;
export type KubescapeControlSummary = z.infer<typeof ZControlSummary>;
export type KubescapeStatusInfo = z.infer<typeof ZStatusInfo>;
export type KubescapeRule = z.infer<typeof ZRule>;
