import { defineControl } from "../../engine/define-control";
import type { K8sObject, Violation } from "../../engine/types";
import { asList, isOn, locate, providerOf } from "./cloud-describe";

export default defineControl<K8sObject>({
  id: "SS-0221",
  name: "Registry scans images for vulnerabilities",
  description:
    "Checks the container registries listed by the cloud collector (`kind: DescribeRepositories`): every Amazon ECR repository scans on push, and every Google Artifact Registry repository has vulnerability scanning enabled. ECR registries using account-level enhanced scanning report their repositories separately and need an exception here.",
  rationale:
    "Images pushed without a scan reach the cluster with whatever known vulnerabilities they carry; scanning at push time is the cheapest point to catch them.",
  severity: "medium",
  category: "images",
  needs: ["cloud"],
  kinds: ["DescribeRepositories"],
  evaluate(obj) {
    const provider = providerOf(obj);
    const data = { value: obj.data, path: "data" };
    const violations: Violation[] = [];
    if (provider === "eks") {
      const repos = locate(data, "repositories");
      asList(repos?.value).forEach((repo, i) => {
        const r = { value: repo, path: `${repos!.path}[${i}]` };
        const scan = locate(r, "imageScanningConfiguration", "scanOnPush");
        if (!isOn(scan?.value)) {
          violations.push({
            message: `ECR repository ${String(locate(r, "repositoryName")?.value ?? i)} does not scan images on push`,
            paths: [scan?.path ?? `${r.path}.imageScanningConfiguration.scanOnPush`],
          });
        }
      });
      return repos ? violations : null;
    }
    if (provider === "gke") {
      const registries = locate(data, "registries");
      asList(registries?.value).forEach((registry, i) => {
        const r = { value: registry, path: `${registries!.path}[${i}]` };
        const scan = locate(r, "vulnerabilityScanningConfig", "enableVulnerabilityScanning");
        if (!isOn(scan?.value)) {
          violations.push({
            message: `Artifact Registry repository ${String(locate(r, "name")?.value ?? i)} has vulnerability scanning disabled`,
            paths: [scan?.path ?? `${r.path}.vulnerabilityScanningConfig`],
          });
        }
      });
      return registries ? violations : null;
    }
    return null;
  },
  remediation:
    "ECR: `aws ecr put-image-scanning-configuration --repository-name <repo> --image-scanning-configuration scanOnPush=true`, or enable enhanced scanning for the registry. Artifact Registry: enable the Container Scanning API (`gcloud services enable containerscanning.googleapis.com`) and vulnerability scanning on each repository.",
  refs: {
    kubescape: ["C-0221"],
    cisEks: ["5.1.1"],
    cisGke: ["5.1.1"],
  },
});
