// Recognising the community ingress-nginx controller (kubernetes/ingress-nginx) among containers, its
// version, and the ConfigMap it reads its settings from. NGINX Inc.'s `nginx/nginx-ingress` is a
// different product and is not matched.
import type { EvalContext, K8sObject } from "../../engine/types";
import type { ContainerGroup } from "../../engine/workload";
import { imageBaseName, parseImageReference, versionFromTag, type ImageReference, type SemanticVersion } from "./image-reference";
import { findNamespaced, namespaceOf, objectsInNamespace } from "./scan-lookups";
import { containersOfObject } from "./container-resources";

const MAIN_CONTAINERS: readonly ContainerGroup[] = ["containers"];

const CONTROLLER_IMAGE_NAMES = new Set(["nginx-ingress-controller", "ingress-nginx-controller", "nginx-controller"]);

function isControllerImage(ref: ImageReference): boolean {
  const base = imageBaseName(ref);
  if (CONTROLLER_IMAGE_NAMES.has(base)) return true;
  // registry.k8s.io/ingress-nginx/controller, …/ingress-nginx/controller-chroot and mirrors of them.
  const parts = ref.repository.split("/");
  return (base === "controller" || base === "controller-chroot") && parts[parts.length - 2] === "ingress-nginx";
}

const CONTROLLER_BINARY = /(?:^|\/)nginx-ingress-controller$/;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function argsOf(container: any): string[] {
  return [...(Array.isArray(container?.command) ? container.command : []), ...(Array.isArray(container?.args) ? container.args : [])]
    .filter((a): a is string => typeof a === "string");
}

/**
 * Whether a container can be an ingress-nginx controller: every controller image's repository
 * contains "controller" and "nginx", and the binary's name is "nginx-ingress-controller". Rules out
 * nearly every container of a scan (many run some other "controller") before its image is parsed or
 * its arguments are read.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function mayBeController(container: any): boolean {
  const image = container.image;
  if (typeof image === "string" && image.includes("controller") && image.includes("nginx")) return true;
  return mentionsBinary(container.command) || mentionsBinary(container.args);
}

function mentionsBinary(list: unknown): boolean {
  return Array.isArray(list) && list.some((a) => typeof a === "string" && a.includes("nginx-ingress-controller"));
}

export interface IngressNginxController {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  container: any;
  path: string;
  image?: ImageReference;
  version?: SemanticVersion;
  /** `namespace/name` of the controller's ConfigMap from its `--configmap` flag. */
  configMapRef?: { namespace: string; name: string };
}

const controllersOf = new WeakMap<K8sObject, IngressNginxController[]>();

/** ingress-nginx controller containers of a workload: by image name, or by the controller binary it runs. Shared by several controls: read-only. */
export function ingressNginxControllersOf(obj: K8sObject): IngressNginxController[] {
  let found = controllersOf.get(obj);
  if (!found) controllersOf.set(obj, (found = findControllers(obj)));
  return found;
}

const NO_CONTROLLERS: IngressNginxController[] = Object.freeze([]) as unknown as IngressNginxController[];

function findControllers(obj: K8sObject): IngressNginxController[] {
  let found: IngressNginxController[] | undefined;
  const namespace = namespaceOf(obj);
  for (const { container, path } of containersOfObject(obj, MAIN_CONTAINERS)) {
    if (!mayBeController(container)) continue;
    const image = parseImageReference(container.image);
    const args = argsOf(container);
    const runsBinary = args.some((a) => CONTROLLER_BINARY.test(a));
    if (!runsBinary && !(image && isControllerImage(image))) continue;
    if (image && imageBaseName(image) === "nginx-ingress" && image.repository.startsWith("nginx/")) continue;
    let configMapRef: IngressNginxController["configMapRef"];
    for (let i = 0; i < args.length; i++) {
      const m = args[i].match(/^--configmap(?:=(.*))?$/);
      if (!m) continue;
      const value = (m[1] ?? args[i + 1] ?? "").replace(/\$\(POD_NAMESPACE\)/g, namespace);
      const [ns, name] = value.includes("/") ? value.split("/", 2) : [namespace, value];
      if (name) configMapRef = { namespace: ns, name };
    }
    (found ??= []).push({ container, path, image, version: versionFromTag(image?.tag), configMapRef });
  }
  return found ?? NO_CONTROLLERS;
}

export type SnippetSetting = { value: "true" | "false"; configMap: K8sObject } | undefined;

/**
 * The controller's `allow-snippet-annotations` setting: from the ConfigMap named by `--configmap`
 * when the scan has it, otherwise from any ConfigMap in the controller's namespace that sets the key.
 */
export function snippetAnnotationSetting(obj: K8sObject, controller: IngressNginxController, ctx: EvalContext): SnippetSetting {
  const read = (cm: K8sObject | undefined): SnippetSetting => {
    const raw = cm?.data?.["allow-snippet-annotations"];
    if (typeof raw !== "string") return undefined;
    // The controller reads the value with Go's strconv.ParseBool.
    return { value: ["false", "0", "f"].includes(raw.trim().toLowerCase()) ? "false" : "true", configMap: cm! };
  };
  if (controller.configMapRef) {
    const named = findNamespaced(ctx, "ConfigMap", controller.configMapRef.namespace, controller.configMapRef.name);
    if (named) return read(named);
  }
  for (const cm of objectsInNamespace(ctx, "ConfigMap", namespaceOf(obj))) {
    const setting = read(cm);
    if (setting) return setting;
  }
  return undefined;
}
