// Facts of the Kubernetes Pod Security Standards as of v1.33, shared by the SS-10xx controls that
// implement them one by one. When a newer PSS version changes an allowed list, bump the version tag
// and the list together.

/** Tag carried by every control that implements a PSS v1.33 check. */
export const PSS_VERSION_TAG = "pss:v1.33";

/**
 * Sysctls the kubelet treats as safe (namespaced, isolated per pod) and Baseline allows
 * (v1.33: the original five, plus ip_local_reserved_ports since 1.27, the TCP keepalive/fin
 * timers since 1.29, tcp_rmem/tcp_wmem since 1.32).
 */
export const PSS_SAFE_SYSCTLS: ReadonlySet<string> = new Set([
  "kernel.shm_rmid_forced",
  "net.ipv4.ip_local_port_range",
  "net.ipv4.ip_unprivileged_port_start",
  "net.ipv4.tcp_syncookies",
  "net.ipv4.ping_group_range",
  "net.ipv4.ip_local_reserved_ports",
  "net.ipv4.tcp_keepalive_time",
  "net.ipv4.tcp_fin_timeout",
  "net.ipv4.tcp_keepalive_intvl",
  "net.ipv4.tcp_keepalive_probes",
  "net.ipv4.tcp_rmem",
  "net.ipv4.tcp_wmem",
]);

/** SELinux types Baseline allows (container_engine_t since 1.31); empty/unset is allowed too. */
export const PSS_SELINUX_TYPES: ReadonlySet<string> = new Set([
  "container_t",
  "container_init_t",
  "container_kvm_t",
  "container_engine_t",
]);

/** Volume sources the Restricted profile allows. */
export const PSS_RESTRICTED_VOLUME_TYPES: ReadonlySet<string> = new Set([
  "configMap",
  "csi",
  "downwardAPI",
  "emptyDir",
  "ephemeral",
  "persistentVolumeClaim",
  "projected",
  "secret",
]);

/** seccompProfile/appArmorProfile types that keep a confinement profile in place. */
export const CONFINING_PROFILE_TYPES: ReadonlySet<string> = new Set(["RuntimeDefault", "Localhost"]);

/** Prefix of the deprecated per-container AppArmor annotations (still honoured by PSS). */
export const APPARMOR_ANNOTATION_PREFIX = "container.apparmor.security.beta.kubernetes.io/";

/** An AppArmor annotation value Baseline allows: empty, `runtime/default` or `localhost/<profile>`. */
export function isAllowedAppArmorAnnotation(value: unknown): boolean {
  if (value === undefined || value === null || value === "") return true;
  return typeof value === "string" && (value === "runtime/default" || value.startsWith("localhost/"));
}
