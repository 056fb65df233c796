// Frameworks are data derived from control refs: these tests pin what each one must contain.
import { describe, expect, it } from "vitest";
import { ALL_CONTROLS, getControl } from "@/lib/controls";
import { getFramework, listFrameworks } from "@/lib/controls/frameworks";

const PSS_BASELINE = ["privileged", "hostNamespaces", "hostPorts", "hostPathVolumes", "capabilities", "appArmor", "seLinux", "procMount", "seccomp", "sysctls", "hostProcess"];
const PSS_RESTRICTED_ONLY = ["volumeTypes", "privilegeEscalation", "runAsNonRoot", "runAsUser", "seccomp", "capabilities"];

describe("frameworks", () => {
  it("are the nine the product promises plus All, each with controls", () => {
    expect(listFrameworks().map((f) => f.id)).toEqual(["nsa", "mitre", "cis-v1.12", "cis-eks", "cis-aks", "cis-gke", "pss-baseline", "pss-restricted", "soc2", "all"]);
    for (const f of listFrameworks()) expect(f.entries.length, f.id).toBeGreaterThan(0);
  });

  it("cover every Pod Security Standards control of the baseline and restricted profiles, once each", () => {
    const baseline = getFramework("pss-baseline")!.entries.map((e) => e.ref!.replace(/^baseline:/, ""));
    expect([...baseline].sort()).toEqual([...PSS_BASELINE].sort());
    const restricted = getFramework("pss-restricted")!.entries.map((e) => e.ref!);
    for (const name of PSS_BASELINE) expect(restricted, name).toContain(`baseline:${name}`);
    for (const name of PSS_RESTRICTED_ONLY) expect(restricted, name).toContain(`restricted:${name}`);
  });

  it("number CIS entries by benchmark section and report manual items as manual controls", () => {
    for (const id of ["cis-v1.12", "cis-eks", "cis-aks", "cis-gke"]) {
      for (const entry of getFramework(id)!.entries) expect(entry.ref, `${id} ${entry.controlId}`).toMatch(/^\d+(\.\d+)+$/);
    }
    const cis = getFramework("cis-v1.12")!;
    expect(cis.entries.some((e) => getControl(e.controlId)?.manual)).toBe(true);
    // Sections run in benchmark order.
    const refs = cis.entries.map((e) => e.ref!);
    const sorted = [...refs].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
    expect(refs).toEqual(sorted);
  });

  it("put every control in All except those a newer benchmark item supersedes", () => {
    const all = new Set(getFramework("all")!.entries.map((e) => e.controlId));
    const outside = ALL_CONTROLS.filter((c) => !all.has(c.id)).map((c) => c.id);
    expect(outside).toEqual(["SS-0115"]);
  });
});
