import type { Violation } from "../../engine/types";
import { resolveKubeletSetting, settingPaths, unverifiable } from "./kubelet-settings";
import { SERVER_TLS_BOOTSTRAP, TLS_CERT_FILE, TLS_PRIVATE_KEY_FILE } from "./kubelet-setting-specs";
import { defineNodeControl } from "./node-targets";

export default defineNodeControl({
  id: "SS-0181",
  name: "Kubelet serves with a proper TLS certificate",
  description:
    "Checks that the kubelet has a serving certificate and key (`--tls-cert-file`/`tlsCertFile` and `--tls-private-key-file`/`tlsPrivateKeyFile`, each from flag or config file) or obtains one from the cluster CA (`serverTLSBootstrap`).",
  rationale:
    "Without either, the kubelet generates a self-signed certificate at start-up that nobody can verify, so the API server's connections to it (exec, logs, port-forward) cannot be protected from interception.",
  severity: "high",
  evaluate(node) {
    const cert = resolveKubeletSetting(node, TLS_CERT_FILE);
    const key = resolveKubeletSetting(node, TLS_PRIVATE_KEY_FILE);
    const bootstrap = resolveKubeletSetting(node, SERVER_TLS_BOOTSTRAP);
    if (!cert || !key || !bootstrap) return null;
    if (cert.known && key.known && cert.value.trim() && key.value.trim()) return [];
    if (bootstrap.known && bootstrap.value) return [];
    const unknown = [cert, key].find((s) => !s.known);
    if (unknown && !unknown.known) return [unverifiable(unknown, "The kubelet serving certificate")];
    const missing = [
      cert.known && !cert.value.trim() ? "tlsCertFile" : "",
      key.known && !key.value.trim() ? "tlsPrivateKeyFile" : "",
    ].filter(Boolean);
    const violation: Violation = {
      message: `Kubelet has no configured serving certificate (${missing.join(" and ")} unset, no serverTLSBootstrap): it serves a self-signed certificate`,
      paths: [...settingPaths(cert, TLS_CERT_FILE), ...settingPaths(key, TLS_PRIVATE_KEY_FILE)],
    };
    return [violation];
  },
  remediation:
    "Either set `tlsCertFile` and `tlsPrivateKeyFile` in the kubelet config file to a certificate signed by a CA the API server trusts (`--kubelet-certificate-authority`), or set `serverTLSBootstrap: true` and approve the kubelet-serving CSRs; restart the kubelet.",
  refs: {
    kubescape: ["C-0181"],
    cis: ["4.2.9"],
  },
});
