// First-match semantics of audit policies, as the API server applies them.
import { describe, expect, it } from "vitest";
import { auditTreatment } from "@/lib/controls/node/audit-policy-coverage";

const secrets = { group: "", resource: "secrets", verbs: ["get", "list", "watch", "create", "update", "patch", "delete"] };
const exec = { group: "", resource: "pods/exec", verbs: ["create", "get"] };
const deployments = { group: "apps", resource: "deployments", verbs: ["create", "update", "patch", "delete"] };

describe("auditTreatment", () => {
  it("applies the first rule that matches the resource for everyone", () => {
    const policy = { rules: [{ level: "Metadata", resources: [{ group: "", resources: ["secrets"] }] }, { level: "RequestResponse" }] };
    expect(auditTreatment(policy, secrets)).toEqual({ level: "Metadata", ruleIndex: 0, partial: [] });
  });

  it("records earlier rules limited to some users, namespaces or names as partial", () => {
    const policy = {
      rules: [
        { level: "None", users: ["system:kube-controller-manager"], resources: [{ group: "", resources: ["secrets"] }] },
        { level: "Request", resources: [{ group: "", resources: ["secrets"], resourceNames: ["db-password"] }] },
        { level: "Metadata" },
      ],
    };
    expect(auditTreatment(policy, secrets)).toEqual({
      level: "Metadata",
      ruleIndex: 2,
      partial: [
        { ruleIndex: 0, level: "None" },
        { ruleIndex: 1, level: "Request" },
      ],
    });
  });

  it("matches subresources the way the API server does", () => {
    expect(auditTreatment({ rules: [{ level: "Metadata", resources: [{ group: "", resources: ["pods"] }] }] }, exec).level).toBe("None");
    expect(auditTreatment({ rules: [{ level: "Metadata", resources: [{ group: "", resources: ["pods/*"] }] }] }, exec).level).toBe("Metadata");
    expect(auditTreatment({ rules: [{ level: "Metadata", resources: [{ group: "", resources: ["*/exec"] }] }] }, exec).level).toBe("Metadata");
    expect(auditTreatment({ rules: [{ level: "Metadata", resources: [{ group: "" }] }] }, exec).level).toBe("Metadata");
  });

  it("compares API groups exactly", () => {
    const policy = { rules: [{ level: "RequestResponse", resources: [{ group: "", resources: ["deployments"] }] }] };
    expect(auditTreatment(policy, deployments).level).toBe("None");
  });

  it("never applies rules with non-resource URLs to resource requests", () => {
    expect(auditTreatment({ rules: [{ level: "Metadata", nonResourceURLs: ["/healthz*"] }] }, secrets).level).toBe("None");
  });

  it("treats a rule covering only some of the relevant verbs as partial", () => {
    const policy = { rules: [{ level: "None", verbs: ["get", "list", "watch"], resources: [{ group: "apps" }] }, { level: "Metadata" }] };
    expect(auditTreatment(policy, deployments)).toEqual({ level: "Metadata", ruleIndex: 1, partial: [] });
    const writesOnly = { rules: [{ level: "None", verbs: ["create", "update", "patch", "delete"], resources: [{ group: "apps" }] }, { level: "Metadata" }] };
    expect(auditTreatment(writesOnly, deployments)).toEqual({ level: "None", ruleIndex: 0, partial: [] });
  });
});
