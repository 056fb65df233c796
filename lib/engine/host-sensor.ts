// Maps Kubescape host-sensor objects (apiVersion hostdata.kubescape.cloud/*: KubeletInfo,
// ControlPlaneInfo, LinuxKernelVariables, …) to our NodeInfo format so existing node data can be scored.
import type { K8sObject, NodeInfo } from "./types";

export const HOST_SENSOR_GROUP = "hostdata.kubescape.cloud";

export function isHostSensorObject(obj: K8sObject): boolean {
  return typeof obj.apiVersion === "string" && obj.apiVersion.startsWith(`${HOST_SENSOR_GROUP}/`);
}

/** Converts host-sensor objects into NodeInfo objects (one per node). Owned by the node-controls work. */
export function nodeInfoFromHostSensor(objects: readonly K8sObject[]): NodeInfo[] {
  void objects;
  return [];
}
