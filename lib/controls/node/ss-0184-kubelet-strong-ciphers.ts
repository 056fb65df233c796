import { judgeKubeletSetting } from "./kubelet-settings";
import { TLS_CIPHER_SUITES } from "./kubelet-setting-specs";
import { defineNodeControl } from "./node-targets";

/** AEAD suites with forward secrecy (the benchmark's list, plus the TLS 1.3 suites and Go's _SHA256 aliases). */
export const STRONG_TLS_CIPHER_SUITES = new Set([
  "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
  "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
  "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
  "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
  "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305",
  "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305",
  "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
  "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
  "TLS_AES_128_GCM_SHA256",
  "TLS_AES_256_GCM_SHA384",
  "TLS_CHACHA20_POLY1305_SHA256",
]);

export default defineNodeControl({
  id: "SS-0184",
  name: "Kubelet only offers strong TLS cipher suites",
  description:
    "Checks that the kubelet restricts its TLS cipher suites (`--tls-cipher-suites` / `tlsCipherSuites`) to AEAD suites with forward secrecy. An unset list means Go's defaults, which still include CBC and RSA key-exchange suites.",
  rationale:
    "Weak suites (CBC mode, static RSA key exchange, 3DES, RC4) allow downgrade and decryption attacks on the kubelet API, which carries exec sessions and container logs.",
  severity: "medium",
  evaluate: (node) =>
    judgeKubeletSetting(node, TLS_CIPHER_SUITES, {
      what: "The kubelet TLS cipher suites",
      problem: (suites) => {
        if (!suites.length) return "Kubelet does not restrict its TLS cipher suites (Go defaults include weak suites)";
        const weak = suites.filter((s) => !STRONG_TLS_CIPHER_SUITES.has(s));
        return weak.length ? `Kubelet allows weak TLS cipher suites: ${weak.join(", ")}` : undefined;
      },
      fixPaths: [
        {
          path: "spec.kubeletConfig.tlsCipherSuites",
          value:
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305,TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305",
        },
      ],
    }),
  remediation:
    "List only ECDHE suites with AES-GCM or ChaCha20-Poly1305 in `tlsCipherSuites` in the kubelet config file (or `--tls-cipher-suites`), for example TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305 and TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305; restart the kubelet.",
  refs: {
    kubescape: ["C-0184"],
    cis: ["4.2.12"],
  },
});
