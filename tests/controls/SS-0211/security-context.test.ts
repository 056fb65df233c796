// Effective securityContext resolution: container value first, then pod, per field.
import { describe, expect, it } from "vitest";
import { effectiveSetting, podViewOf, targetsWindows, declaresWindowsOs } from "@/lib/controls/workload-security/security-context";
import type { K8sObject } from "@/lib/engine/types";

const cronJob: K8sObject = {
  apiVersion: "batch/v1",
  kind: "CronJob",
  metadata: { name: "job" },
  spec: {
    jobTemplate: {
      spec: {
        template: {
          spec: {
            securityContext: { runAsUser: 1000, windowsOptions: { runAsUserName: "ContainerUser", hostProcess: false } },
            initContainers: [{ name: "init", securityContext: { runAsUser: 0 } }],
            containers: [{ name: "main", securityContext: { windowsOptions: { hostProcess: true } } }],
          },
        },
      },
    },
  },
};

describe("effective security settings", () => {
  const pod = podViewOf(cronJob)!;
  const [main, init] = pod.containers;

  it("lists every container group with Kubescape paths", () => {
    expect(pod.containers.map((c) => c.path)).toEqual([
      "spec.jobTemplate.spec.template.spec.containers[0]",
      "spec.jobTemplate.spec.template.spec.initContainers[0]",
    ]);
  });

  it("prefers the container's value and falls back to the pod's", () => {
    expect(effectiveSetting(pod, init, "runAsUser")).toEqual({
      value: 0,
      source: "container",
      path: "spec.jobTemplate.spec.template.spec.initContainers[0].securityContext.runAsUser",
    });
    expect(effectiveSetting(pod, main, "runAsUser")).toMatchObject({ value: 1000, source: "pod", path: "spec.jobTemplate.spec.template.spec.securityContext.runAsUser" });
  });

  it("merges windowsOptions field by field", () => {
    expect(effectiveSetting(pod, main, "windowsOptions.hostProcess").value).toBe(true);
    expect(effectiveSetting(pod, main, "windowsOptions.runAsUserName")).toMatchObject({ value: "ContainerUser", source: "pod" });
  });

  it("points an unset field at the container", () => {
    expect(effectiveSetting(pod, main, "runAsGroup")).toEqual({
      value: undefined,
      source: "unset",
      path: "spec.jobTemplate.spec.template.spec.containers[0].securityContext.runAsGroup",
    });
  });

  it("recognizes Windows pods by os.name, and by node selector only where PSS does not apply", () => {
    const bySelector = podViewOf({ apiVersion: "v1", kind: "Pod", metadata: {}, spec: { nodeSelector: { "kubernetes.io/os": "windows" }, containers: [] } })!;
    expect(targetsWindows(bySelector)).toBe(true);
    expect(declaresWindowsOs(bySelector)).toBe(false);
    expect(targetsWindows(pod)).toBe(false);
  });
});
