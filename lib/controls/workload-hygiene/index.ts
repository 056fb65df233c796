// Workload hygiene, images and credentials: resources, probes, image provenance and pull policy,
// credentials in env and ConfigMaps, service-account tokens, default namespace, known CVEs in images.
import type { Control } from "../../engine/types";
import ss0001 from "./ss-0001-forbidden-registry";
import ss0004 from "./ss-0004-memory-limit-and-request";
import ss0009 from "./ss-0009-resource-limits";
import ss0050 from "./ss-0050-cpu-limit-and-request";
import ss0075 from "./ss-0075-image-pull-policy";
import ss0078 from "./ss-0078-untrusted-registry";
import ss0253 from "./ss-0253-deprecated-k8s-registry";
import ss0268 from "./ss-0268-cpu-requests";
import ss0269 from "./ss-0269-memory-requests";
import ss0270 from "./ss-0270-cpu-limits";
import ss0271 from "./ss-0271-memory-limits";
import ss0306 from "./ss-0306-image-not-pinned-to-digest";

/** Controls of the "workload-hygiene" area, in id order. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const controls: Control<any>[] = [
  ss0001,
  ss0004,
  ss0009,
  ss0050,
  ss0075,
  ss0078,
  ss0253,
  ss0268,
  ss0269,
  ss0270,
  ss0271,
  ss0306,
];
