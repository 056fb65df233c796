import { defineControl } from "../../engine/define-control";
import { flagFinding } from "./flag-findings";
import { componentTargets, lastFlag, listFlag, type ComponentInstance } from "./static-pod-flags";

/** Suites with forward secrecy and no known weakness (names as Go's crypto/tls spells them). */
const STRONG_SUITES = [
  "TLS_AES_128_GCM_SHA256",
  "TLS_AES_256_GCM_SHA384",
  "TLS_CHACHA20_POLY1305_SHA256",
  "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
  "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
  "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305",
  "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
  "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
  "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
  "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305",
  "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
  "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
  "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
  "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
  "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
];
const STRONG = new Set(STRONG_SUITES);
// TLS 1.3 suites are not configurable in Go, so the suggestion lists only TLS 1.2 AEAD suites.
const RECOMMENDED = STRONG_SUITES.filter((s) => s.startsWith("TLS_ECDHE_") && (s.includes("GCM") || s.endsWith("POLY1305")));

function weakness(suite: string): string {
  if (suite.includes("RC4")) return "RC4 is broken";
  if (suite.includes("3DES")) return "3DES is vulnerable to Sweet32";
  if (suite.startsWith("TLS_RSA_")) return "RSA key exchange has no forward secrecy";
  if (suite.endsWith("_CBC_SHA256")) return "CBC with SHA-256 is exposed to Lucky13-style timing attacks";
  return "not a recognized strong suite";
}

export default defineControl<ComponentInstance>({
  id: "SS-0277",
  name: "API server allows weak TLS cipher suites",
  description:
    "Fails unless the kube-apiserver restricts --tls-cipher-suites to strong suites (ECDHE key exchange with AES-GCM, ChaCha20-Poly1305 or AES-CBC-SHA, and TLS 1.3 suites). Passes without the list when --tls-min-version is VersionTLS13, where suites are not configurable.",
  rationale:
    "Left unrestricted, the API server negotiates suites without forward secrecy or with weak ciphers (3DES, RC4, CBC-SHA256) for any client that asks, letting a network attacker downgrade or later decrypt API traffic.",
  severity: "medium",
  category: "control-plane",
  targets: componentTargets("kube-apiserver"),
  evaluate(instance) {
    const list = listFlag(instance, "tls-cipher-suites");
    const fix = `--tls-cipher-suites=${RECOMMENDED.join(",")}`;
    if (list.occurrences.length === 0) {
      if (lastFlag(instance, "tls-min-version")?.value === "VersionTLS13") return [];
      return [flagFinding(instance, undefined, "--tls-cipher-suites is not set: every suite Go enables by default can be negotiated", fix)];
    }
    const weak = [...new Set(list.values.filter((s) => !STRONG.has(s)))];
    if (weak.length === 0) return [];
    const occurrence = list.occurrences[list.occurrences.length - 1];
    const described = weak.map((s) => `${s} (${weakness(s)})`).join(", ");
    // With the list spread over repeated flags, replacing one argument would not remove the others.
    return [flagFinding(instance, occurrence, `--tls-cipher-suites allows weak suites: ${described}`, list.occurrences.length === 1 ? fix : undefined)];
  },
  remediation:
    "Set `--tls-cipher-suites` to ECDHE suites with AES-GCM or ChaCha20-Poly1305 (for example TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305,TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305), or require TLS 1.3 with `--tls-min-version=VersionTLS13`.",
  refs: { kubescape: ["C-0277", "C-0143"], cis: ["1.2.29"] },
});
