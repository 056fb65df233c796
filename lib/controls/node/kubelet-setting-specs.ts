// Kubelet settings the library checks: flag name, KubeletConfiguration field, parser and defaults.
// Defaults follow the kubelet: KubeletConfiguration v1beta1 defaulting when a config file is used, and
// the command-line defaults (kept for backward compatibility) when none is, which differ for exactly
// anonymous auth, webhook authentication, authorization mode and the read-only port.
import type { NodeInfo, Violation } from "../../engine/types";
import {
  parseBool,
  parseDurationMs,
  parseList,
  parseNumber,
  parseText,
  resolveKubeletSetting,
  settingPaths,
  unverifiable,
  type KubeletSettingSpec,
} from "./kubelet-settings";

export const ANONYMOUS_AUTH: KubeletSettingSpec<boolean> = {
  flag: "anonymous-auth",
  config: ["authentication", "anonymous", "enabled"],
  parse: parseBool,
  defaultWithConfig: false,
  defaultWithoutConfig: true,
};

export const AUTHORIZATION_MODE: KubeletSettingSpec<string> = {
  flag: "authorization-mode",
  config: ["authorization", "mode"],
  parse: parseText,
  defaultWithConfig: "Webhook",
  defaultWithoutConfig: "AlwaysAllow",
};

export const CLIENT_CA_FILE: KubeletSettingSpec<string> = {
  flag: "client-ca-file",
  config: ["authentication", "x509", "clientCAFile"],
  parse: parseText,
  defaultWithConfig: "",
};

export const READ_ONLY_PORT: KubeletSettingSpec<number> = {
  flag: "read-only-port",
  config: ["readOnlyPort"],
  parse: parseNumber,
  defaultWithConfig: 0,
  defaultWithoutConfig: 10255,
};

export const STREAMING_IDLE_TIMEOUT_MS: KubeletSettingSpec<number> = {
  flag: "streaming-connection-idle-timeout",
  config: ["streamingConnectionIdleTimeout"],
  parse: parseDurationMs,
  defaultWithConfig: 4 * 3_600_000,
};

export const PROTECT_KERNEL_DEFAULTS: KubeletSettingSpec<boolean> = {
  flag: "protect-kernel-defaults",
  config: ["protectKernelDefaults"],
  parse: parseBool,
  defaultWithConfig: false,
};

export const MAKE_IPTABLES_UTIL_CHAINS: KubeletSettingSpec<boolean> = {
  flag: "make-iptables-util-chains",
  config: ["makeIPTablesUtilChains"],
  parse: parseBool,
  defaultWithConfig: true,
};

export const HOSTNAME_OVERRIDE: KubeletSettingSpec<string> = {
  flag: "hostname-override",
  parse: parseText,
  defaultWithConfig: "",
};

export const EVENT_RECORD_QPS: KubeletSettingSpec<number> = {
  flag: "event-qps",
  config: ["eventRecordQPS"],
  parse: parseNumber,
  defaultWithConfig: 50,
};

export const TLS_CERT_FILE: KubeletSettingSpec<string> = {
  flag: "tls-cert-file",
  config: ["tlsCertFile"],
  parse: parseText,
  defaultWithConfig: "",
};

export const TLS_PRIVATE_KEY_FILE: KubeletSettingSpec<string> = {
  flag: "tls-private-key-file",
  config: ["tlsPrivateKeyFile"],
  parse: parseText,
  defaultWithConfig: "",
};

/** Serving certificate requested from the cluster CA through the CSR API (and renewed the same way). */
export const SERVER_TLS_BOOTSTRAP: KubeletSettingSpec<boolean> = {
  flag: "rotate-server-certificates",
  config: ["serverTLSBootstrap"],
  parse: parseBool,
  defaultWithConfig: false,
};

export const ROTATE_CERTIFICATES: KubeletSettingSpec<boolean> = {
  flag: "rotate-certificates",
  config: ["rotateCertificates"],
  parse: parseBool,
  defaultWithConfig: false,
};

export const TLS_CIPHER_SUITES: KubeletSettingSpec<string[]> = {
  flag: "tls-cipher-suites",
  config: ["tlsCipherSuites"],
  parse: parseList,
  defaultWithConfig: [],
};

export const POD_PIDS_LIMIT: KubeletSettingSpec<number> = {
  flag: "pod-max-pids",
  config: ["podPidsLimit"],
  parse: parseNumber,
  defaultWithConfig: -1,
};

export const SECCOMP_DEFAULT: KubeletSettingSpec<boolean> = {
  flag: "seccomp-default",
  config: ["seccompDefault"],
  parse: parseBool,
  defaultWithConfig: false,
};

/** Shared by SS-0069 and SS-0172: the kubelet API must not accept unauthenticated requests. */
export function evaluateKubeletAnonymousAuth(node: NodeInfo): Violation[] | null {
  const setting = resolveKubeletSetting(node, ANONYMOUS_AUTH);
  if (!setting) return null;
  if (!setting.known) return [unverifiable(setting, "Kubelet anonymous authentication")];
  if (!setting.value) return [];
  const how =
    setting.source === "default"
      ? "is on by default because the kubelet runs without a config file"
      : `is enabled by ${setting.source === "flag" ? "--anonymous-auth" : "authentication.anonymous.enabled"}`;
  return [
    {
      message: `Kubelet anonymous authentication ${how}`,
      paths: settingPaths(setting, ANONYMOUS_AUTH),
      fixPaths: [{ path: "spec.kubeletConfig.authentication.anonymous.enabled", value: "false" }],
    },
  ];
}

/** Shared by SS-0070 and SS-0174: client certificates must be verified against a CA. */
export function evaluateKubeletClientCA(node: NodeInfo): Violation[] | null {
  const setting = resolveKubeletSetting(node, CLIENT_CA_FILE);
  if (!setting) return null;
  if (!setting.known) return [unverifiable(setting, "The kubelet client CA")];
  if (setting.value.trim()) return [];
  return [
    {
      message: "Kubelet has no client CA file: it cannot authenticate callers by client certificate",
      paths: settingPaths(setting, CLIENT_CA_FILE),
      fixPaths: [{ path: "spec.kubeletConfig.authentication.x509.clientCAFile", value: "/etc/kubernetes/pki/ca.crt" }],
    },
  ];
}
