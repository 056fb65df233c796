// `shipshape import kubescape|vulns <file> --server --token` against the real import handlers and
// PostgreSQL: what the CLI uploads (gzip envelope) is stored, and the CLI prints the server's answer.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { main } from "@/agent/src/cli";
import { createOrgWithAgent, prisma, unique, type TestOrg } from "../pipeline/support/pipeline-world";
import { startImportRouteHost } from "./support/import-route-host";

const CORPUS = path.resolve(__dirname, "../../../../shared/corpus");
let host: Awaited<ReturnType<typeof startImportRouteHost>>;
let world: TestOrg;
let dir: string;

beforeAll(async () => {
  world = await createOrgWithAgent();
  host = await startImportRouteHost();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "shipshape-import-upload-"));
});
afterAll(async () => {
  await host.stop();
  fs.rmSync(dir, { recursive: true, force: true });
  await prisma.$disconnect();
});

describe("shipshape import → server", () => {
  test("a Kubescape file becomes a snapshot of the named cluster; a Grype file attaches to it", async () => {
    const clusterName = unique("cli-cluster");
    const out = path.join(dir, "kubescape.json");
    const code = await main([
      "import", "kubescape", path.join(CORPUS, "kubescape-output/defectdojo/with_a_failure.json"),
      "--server", host.url, "--token", world.token, "--cluster-name", clusterName, "--format", "json", "--output", out,
    ]);
    expect(code).toBe(0);
    const answer = JSON.parse(fs.readFileSync(out, "utf8"));
    expect(answer).toMatchObject({ duplicate: false, cluster: { name: clusterName, created: true } });
    const snapshot = await prisma.snapshot.findFirstOrThrow({ where: { orgId: world.org.id, id: answer.snapshotId } });
    expect(snapshot.status).toBe("complete");
    expect(await prisma.finding.count({ where: { clusterId: snapshot.clusterId, resolvedAt: null } })).toBe(3);

    const vulnsOut = path.join(dir, "vulns.json");
    expect(await main([
      "import", "vulns", path.join(CORPUS, "vuln-reports/grype/explain-keycloak-test.json"),
      "--server", host.url, "--token", world.token, "--cluster-name", clusterName, "--format", "json", "--output", vulnsOut,
    ])).toBe(0);
    const vulns = JSON.parse(fs.readFileSync(vulnsOut, "utf8"));
    expect(vulns.cluster).toEqual({ id: snapshot.clusterId, name: clusterName, created: false });
    expect(await prisma.imageVulnerabilityReport.count({ where: { orgId: world.org.id, clusterId: snapshot.clusterId } })).toBe(1);
  });

  test("a rejected token is reported by the CLI and nothing is stored", async () => {
    const before = await prisma.snapshot.count({ where: { orgId: world.org.id } });
    const code = await main([
      "import", "kubescape", path.join(CORPUS, "kubescape-output/defectdojo/results.json"),
      "--server", host.url, "--token", "ssa_not_a_real_token_0000000000000000", "--cluster-name", "x", "--output", path.join(dir, "x.txt"),
    ]);
    expect(code).not.toBe(0);
    expect(await prisma.snapshot.count({ where: { orgId: world.org.id } })).toBe(before);
  });
});
