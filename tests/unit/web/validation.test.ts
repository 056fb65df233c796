import { describe, expect, test } from "vitest";
import { parseLabelText, ZRegisterCluster } from "@/lib/zod/clusters";
import { slugify, ZCreateOrganization } from "@/lib/zod/orgs";
import { ZSignUp } from "@/lib/zod/auth";
import { toCsv } from "@/components/tables/data-table";
import { clusterStatus, CLUSTER_STALE_AFTER_MS } from "@/lib/server/clusters/cluster-status";
import { parseFrameworkScores } from "@/lib/server/clusters/latest-snapshot-scores";

describe("organization slugs", () => {
  test.each([
    ["Acme Corp.", "acme-corp"],
    ["  Équipe Sécurité  ", "equipe-securite"],
    ["X", "x-team"],
    ["!!!", "org-team"],
  ])("%s → %s", (name, slug) => {
    expect(slugify(name)).toBe(slug);
    expect(ZCreateOrganization.safeParse({ name: "Valid name", slug }).success).toBe(true);
  });
});

describe("cluster registration", () => {
  test("labels follow Kubernetes label syntax", () => {
    expect(ZRegisterCluster.safeParse({ name: "prod-1", provider: "eks", environment: "production", labels: { "team.example.com/owner": "payments" } }).success).toBe(true);
    expect(ZRegisterCluster.safeParse({ name: "prod-1", provider: "eks", environment: "production", labels: { "bad key": "x" } }).success).toBe(false);
  });
  test("the label text field parses key=value lists", () => {
    expect(parseLabelText("team=payments, tier=critical\nflag")).toEqual({ team: "payments", tier: "critical", flag: "" });
  });
});

describe("sign-up", () => {
  test("passwords: at least 10 characters, at most 72 bytes (bcrypt's limit)", () => {
    const base = { name: "A", email: "a@example.com" };
    expect(ZSignUp.safeParse({ ...base, password: "short" }).success).toBe(false);
    expect(ZSignUp.safeParse({ ...base, password: "long enough pass" }).success).toBe(true);
    expect(ZSignUp.safeParse({ ...base, password: "é".repeat(37) }).success).toBe(false);
  });
  test("emails are normalised to lower case", () => {
    expect(ZSignUp.parse({ name: "A", email: " A@Example.COM ", password: "long enough pass" }).email).toBe("a@example.com");
  });
});

describe("cluster freshness", () => {
  test("never seen, active within the hour, stale after", () => {
    const now = new Date("2026-01-01T12:00:00Z");
    expect(clusterStatus(null, now)).toBe("never_seen");
    expect(clusterStatus(new Date(now.getTime() - CLUSTER_STALE_AFTER_MS + 1000), now)).toBe("active");
    expect(clusterStatus(new Date(now.getTime() - CLUSTER_STALE_AFTER_MS - 1000), now)).toBe("stale");
  });
});

describe("snapshot framework scores", () => {
  test("valid entries are kept, malformed ones dropped", () => {
    expect(parseFrameworkScores({ nsa: { score: 71.5, riskScore: 20, passed: 3, failed: 1 }, bad: { score: "x" }, cis: { score: null } })).toEqual({
      nsa: { score: 71.5, riskScore: 20, passed: 3, failed: 1 },
      cis: { score: null, riskScore: null, passed: null, failed: null },
    });
    expect(parseFrameworkScores(null)).toEqual({});
    expect(parseFrameworkScores([1, 2])).toEqual({});
  });
});

describe("CSV export", () => {
  test("quotes separators and defuses spreadsheet formulas", () => {
    const csv = toCsv(
      [
        { id: "n", label: "Name", value: (r: { n: string; v: number }) => r.n },
        { id: "v", label: "Value", value: (r: { n: string; v: number }) => r.v },
      ],
      [
        { n: "a,b", v: 1 },
        { n: "=HYPERLINK(1)", v: 2 },
        { n: 'say "hi"', v: 3 },
      ],
    );
    expect(csv).toBe('Name,Value\n"a,b",1\n\'=HYPERLINK(1),2\n"say ""hi""",3\n');
  });
});
