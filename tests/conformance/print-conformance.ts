// `npm run conformance [-- SS-0057 C-0016 …]`: per-control agreement with Kubescape's verdicts.
import { runConformance, summarize } from "./kubescape-cases";

const only = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const verbose = process.argv.includes("--all");
const { outcomes, uncoveredKubescapeIds } = runConformance({ only: only.length ? only : undefined });
const byControl = new Map<string, typeof outcomes>();
for (const o of outcomes) {
  const k = `${o.controlId} (${o.kubescapeId})`;
  if (!byControl.has(k)) byControl.set(k, []);
  byControl.get(k)!.push(o);
}
for (const [k, list] of [...byControl].sort()) {
  const ok = list.filter((o) => o.agreed).length;
  console.log(`${k.padEnd(24)} ${ok}/${list.length}`);
  for (const o of list) if (!o.agreed || verbose) console.log(`    ${o.agreed ? "ok  " : o.accepted ? "ACC " : "DIFF"} ${o.rule}/${o.caseName} [expected ${o.expected}] ${o.detail}${o.accepted ? ` — accepted: ${o.accepted}` : ""}`);
}
const s = summarize(outcomes);
console.log(`\ncases: ${s.total}, agreed: ${s.agreed}, accepted disagreements: ${s.accepted}`);
console.log(`agreement: ${(s.agreement * 100).toFixed(1)}% (raw ${(s.rawAgreement * 100).toFixed(1)}%)`);
if (!only.length) console.log(`Kubescape controls (API/node rules) with no Shipshape control: ${uncoveredKubescapeIds.length}: ${uncoveredKubescapeIds.join(" ")}`);
