import { defineControl } from "../../engine/define-control";
import type { K8sObject } from "../../engine/types";

// Provisioners whose disks the cloud encrypts at rest by default (Azure Storage Service Encryption,
// Google's default encryption of persistent disks).
const ENCRYPTED_BY_DEFAULT = [/azure/i, /csi\.storage\.gke\.io$/i, /^kubernetes\.io\/gce-pd$/i];

function storageClassName(pv: K8sObject): string | undefined {
  const name = pv.spec?.storageClassName ?? pv.metadata?.annotations?.["volume.beta.kubernetes.io/storage-class"];
  return typeof name === "string" && name !== "" ? name : undefined;
}

/** Why a StorageClass provisions encrypted volumes, or undefined when nothing says it does. */
function storageClassEncryption(sc: K8sObject): string | undefined {
  const encrypted = sc.parameters?.encrypted;
  if (encrypted === true || (typeof encrypted === "string" && encrypted.toLowerCase() === "true")) return "parameters.encrypted";
  const provisioner = typeof sc.provisioner === "string" ? sc.provisioner : "";
  if (ENCRYPTED_BY_DEFAULT.some((re) => re.test(provisioner))) return `provisioner ${provisioner}`;
  return undefined;
}

/** Evidence of encryption from the volume source itself, for PVs whose class is not in the scan. */
function volumeSourceEncryption(pv: K8sObject): boolean | undefined {
  const spec = pv.spec ?? {};
  if (spec.gcePersistentDisk || spec.azureDisk || spec.azureFile) return true;
  const driver = spec.csi?.driver;
  if (typeof driver === "string") {
    if (ENCRYPTED_BY_DEFAULT.some((re) => re.test(driver))) return true;
    const attr = spec.csi?.volumeAttributes?.encrypted;
    if (typeof attr === "string" && attr.toLowerCase() === "true") return true;
  }
  return undefined;
}

export default defineControl({
  id: "SS-0264",
  name: "PersistentVolume without encryption at rest",
  description:
    "Fails a PersistentVolume whose StorageClass gives no evidence of encryption at rest: no `encrypted: \"true\"` parameter (AWS EBS, Ceph, Longhorn, …) and a provisioner that does not encrypt by default (as Azure disks and Google persistent disks do).",
  rationale:
    "Unencrypted volumes expose data to anyone who obtains a snapshot, a detached disk or access to the storage backend, outside every Kubernetes access control.",
  severity: "medium",
  category: "hygiene",
  kinds: ["PersistentVolume"],
  evaluate(pv, ctx) {
    const className = storageClassName(pv);
    const sc = className ? ctx.index.get("StorageClass", undefined, className) : undefined;
    if (!sc) return volumeSourceEncryption(pv) ? [] : null;
    if (storageClassEncryption(sc)) return [];
    return [
      {
        message: `PersistentVolume "${pv.metadata?.name}" uses StorageClass "${className}" (provisioner ${sc.provisioner ?? "unknown"}), which does not enable encryption at rest`,
        paths: ["spec.storageClassName"],
        fixPaths: [{ path: "spec.storageClassName", value: "<encrypted storage class>" }],
      },
    ];
  },
  remediation:
    "Provision volumes from a StorageClass that encrypts at rest (for EBS set `encrypted: \"true\"`, optionally with a KMS key), migrate the data of existing volumes to encrypted ones, and make that class the default.",
  refs: {
    kubescape: ["C-0264"],
    soc2: ["CC1.1", "CC6.7"],
  },
});
