// `shipshape scan`: inputs, formats, exit codes. Mostly in-process (main(argv) with --output);
// a few real subprocess runs prove the binary, stdin and exit codes end to end.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "@/agent/src/cli";

const ROOT = path.resolve(__dirname, "../../..");
const FIX = path.join(ROOT, "tests/fixtures/manifests");
const BIN = path.join(ROOT, "agent/bin/shipshape.mjs");
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "shipshape-cli-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function scanTo(format: string, args: string[]): Promise<{ code: number; text: string }> {
  const out = path.join(dir, `out-${Math.random().toString(36).slice(2)}.${format}`);
  const code = await main(["scan", ...args, "--format", format, "--output", out]);
  return { code, text: fs.existsSync(out) ? fs.readFileSync(out, "utf8") : "" };
}

describe("shipshape scan: inputs", () => {
  it("reads helm output, skips non-Kubernetes documents with a warning, and keeps the # Source", async () => {
    const { code, text } = await scanTo("json", [path.join(FIX, "helm-output.yaml")]);
    expect(code).toBe(0);
    const report = JSON.parse(text);
    expect(report.inputs.objects).toBe(2);
    expect(report.inputs.warnings.map((w: { message: string }) => w.message).join()).toMatch(/not a Kubernetes object/);
    const finding = report.findings.find((f: { controlId: string }) => f.controlId === "SS-0057");
    expect(finding.object).toMatchObject({ kind: "Deployment", name: "shop-api", namespace: "shop" });
    expect(finding.location).toEqual({ file: path.join(FIX, "helm-output.yaml"), line: 28, helmSource: "shop/templates/deployment.yaml" });
  });

  it("expands kind: List and reads YAML 1.1 booleans as kubectl does", async () => {
    const { text } = await scanTo("json", [path.join(FIX, "list-and-yaml11.yaml")]);
    const report = JSON.parse(text);
    expect(report.inputs.objects).toBe(2);
    const finding = report.findings.find((f: { controlId: string }) => f.controlId === "SS-0057");
    expect(finding.object).toMatchObject({ kind: "Pod", name: "legacy" });
    expect(finding.location.line).toBe(17);
  });

  it("reports a broken document and still scans the rest of the file and folder", async () => {
    const { code, text } = await scanTo("json", [FIX]);
    expect(code).toBe(0);
    const report = JSON.parse(text);
    expect(report.inputs.errors).toHaveLength(1);
    expect(report.inputs.errors[0]).toMatchObject({ file: path.join(FIX, "broken.yaml") });
    expect(report.inputs.errors[0].message).toMatch(/invalid YAML/);
    const names = report.findings.map((f: { object?: { name: string } }) => f.object?.name);
    expect(names).toEqual(expect.arrayContaining(["shop-api", "legacy", "json-app"]));
    expect(report.inputs.files).toEqual(expect.arrayContaining([path.join(FIX, "deployment.json")]));
  });

  it("does not let an unclosed quote hide the documents after it, and keeps their lines", async () => {
    const file = path.join(dir, "unclosed-quote.yaml");
    fs.writeFileSync(
      file,
      [
        "apiVersion: v1", //                                     1
        "kind: ConfigMap", //                                    2
        "metadata:", //                                          3
        '  name: "settings', //                                  4: the quote is never closed
        "---", //                                                5
        "apiVersion: v1", //                                     6
        "kind: Pod", //                                          7
        "metadata:", //                                          8
        "  name: hidden-privileged", //                          9
        "  namespace: web", //                                  10
        "spec:", //                                             11
        "  containers:", //                                     12
        "    - name: app", //                                   13
        "      image: registry.example/app:1.0", //             14
        "      securityContext:", //                            15
        "        privileged: true", //                          16
        "",
      ].join("\n"),
    );
    const report = JSON.parse((await scanTo("json", [file])).text);
    expect(report.inputs.objects).toBe(1);
    expect(report.inputs.errors).toHaveLength(1);
    expect(report.inputs.errors[0]).toMatchObject({ file, line: 4 });
    expect(report.inputs.errors[0].message).toMatch(/invalid YAML/);
    const privileged = report.findings.find((f: { controlId: string }) => f.controlId === "SS-0057");
    expect(privileged.object).toMatchObject({ kind: "Pod", name: "hidden-privileged" });
    expect(privileged.location).toMatchObject({ file, line: 16 });
  });

  it("applies an exceptions file and validates it", async () => {
    const { text } = await scanTo("json", [path.join(FIX, "helm-output.yaml"), "--exceptions", path.join(FIX, "exceptions.yaml")]);
    const report = JSON.parse(text);
    const control = report.controls.find((c: { id: string }) => c.id === "SS-0057");
    expect(control.status).toBe("excepted");
    expect(report.summary.exceptionsApplied).toEqual({ "shop-privileged": 1 });

    const bad = path.join(dir, "bad-exceptions.yaml");
    fs.writeFileSync(bad, "- controlIds: [C-0057]\n  reason: x\n  surprise: 1\n");
    expect(await main(["scan", FIX, "--exceptions", bad, "--output", path.join(dir, "x")])).toBe(2);
  });
});

describe("shipshape scan: formats", () => {
  it("writes JSON that validates against schemas/scan-report.schema.json", async () => {
    const { text } = await scanTo("json", [FIX]);
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, "schemas/scan-report.schema.json"), "utf8")));
    const report = JSON.parse(text);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    for (const c of report.controls) expect(c).toHaveProperty("refs");
  });

  it("writes SARIF 2.1.0 that validates against the official schema, pointing at file and line", async () => {
    const { text } = await scanTo("sarif", [FIX]);
    const sarif = JSON.parse(text);
    const schemaPath = path.join(ROOT, "node_modules/@microsoft/sarif-multitool-linux/sarif-2.1.0.json");
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, "utf8")));
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const result = sarif.runs[0].results.find(
      (r: { ruleId: string; message: { text: string } }) => r.ruleId === "SS-0057" && r.message.text.includes("shop-api"),
    );
    expect(result).toBeDefined();
    expect(result.locations[0].physicalLocation.region.startLine).toBe(28);
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toMatch(/helm-output\.yaml$/);
  });

  it("passes the SARIF multitool's own validator", async () => {
    const tool = path.join(ROOT, "node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool");
    const { text } = await scanTo("sarif", [FIX]);
    const file = path.join(dir, "check.sarif");
    fs.writeFileSync(file, text);
    const run = spawnSync(tool, ["validate", file], { encoding: "utf8", timeout: 120_000 });
    expect(run.stdout + run.stderr).not.toMatch(/\berror\b/i);
    expect(run.status).toBe(0);
  }, 130_000);

  it("writes JUnit XML with a failure per failing control", async () => {
    const { text } = await scanTo("junit", [path.join(FIX, "helm-output.yaml")]);
    expect(text).toMatch(/^<\?xml version="1.0"/);
    expect(text).toMatch(/<testcase name="SS-0057 Privileged container"[^>]*>\s*<failure /);
    expect(text).toContain("shop-api");
  });

  it("writes CSV with one row per finding and neutralised formulas", async () => {
    const { text } = await scanTo("csv", [path.join(FIX, "helm-output.yaml")]);
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toBe("controlId,controlName,severity,status,kind,namespace,name,subject,paths,message,file,line");
    expect(lines.some((l) => l.startsWith('"SS-0057","Privileged container","high","failed","Deployment","shop","shop-api"'))).toBe(true);
  });
});

describe("shipshape scan: exit codes", () => {
  it("exits 1 when a finding reaches --fail-on, 0 below it", async () => {
    expect((await scanTo("json", [path.join(FIX, "helm-output.yaml"), "--fail-on", "high"])).code).toBe(1);
    expect((await scanTo("json", [path.join(FIX, "helm-output.yaml"), "--fail-on", "critical", "--framework", "pss-baseline"])).code).toBe(0);
  });

  it("exits 1 when a framework score is below --fail-threshold", async () => {
    expect((await scanTo("json", [path.join(FIX, "helm-output.yaml"), "--fail-threshold", "100", "--framework", "pss-baseline"])).code).toBe(1);
  });

  it("exits 2 on usage errors", async () => {
    expect(await main(["scan", path.join(FIX, "missing.yaml")])).toBe(2);
    expect(await main(["scan", FIX, "--format", "xml"])).toBe(2);
    expect(await main(["scan", FIX, "--framework", "nope"])).toBe(2);
    expect(await main(["scan", FIX, "--fail-on", "urgent"])).toBe(2);
    expect(await main(["scan"])).toBe(2);
  });

  it("runs as a real binary reading stdin, with exit code 1 over the threshold and 3 when nothing can be read", async () => {
    const input = fs.readFileSync(path.join(FIX, "helm-output.yaml"));
    const run = spawnSync(process.execPath, [BIN, "scan", "-", "--format", "json", "--fail-on", "high"], { input, encoding: "utf8" });
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.findings.find((f: { controlId: string }) => f.controlId === "SS-0057").location.file).toBe("-");

    const broken = spawnSync(process.execPath, [BIN, "scan", "-"], { input: "a: [\n", encoding: "utf8" });
    expect(broken.status).toBe(3);
    expect(broken.stderr).toMatch(/invalid YAML/);
  }, 60_000);
});

