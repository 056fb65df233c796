import { defineControl } from "../../engine/define-control";
import type { EvalContext, Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { imagesOf, type ContainerImage } from "./container-images";
import type { ImageReference } from "./image-reference";
import { externalExposuresOf, relatedRefs } from "./service-exposure";

/**
 * Management and data-science interfaces attackers look for on the internet. Used unless the scan
 * settings carry a `sensitiveInterfaces` list (read defensively: the key is not part of ScanSettings yet).
 */
export const DEFAULT_SENSITIVE_INTERFACES: readonly string[] = [
  "nifi", "argo-server", "argocli", "weave-scope", "kubeflow", "kubernetes-dashboard", "jenkins", "prometheus-deployment",
  "ollama", "vllm", "kserve", "triton-inference-server", "tritonserver", "ray-dashboard", "ray-head", "mlflow",
  "jupyterhub", "seldon", "bentoml",
];

interface SensitiveTerms {
  /** Lower case, in list order. */
  terms: string[];
  /** Matches a text exactly when the text includes one of the terms. */
  anyTerm: RegExp;
  /** Whether an image's repository includes a term (references are shared per image string and scan). */
  imageHits: Map<ImageReference, boolean>;
  built: boolean;
}

const newSensitiveTerms = (): SensitiveTerms => ({ terms: [], anyTerm: /(?!)/, imageHits: new Map(), built: false });

/** The scan's terms and what they match, built once per scan (in two steps: a call allocates no closure over ctx). */
function sensitiveTerms(ctx: EvalContext): SensitiveTerms {
  const sensitive = ctx.cache("workload-hygiene:sensitive-interfaces", newSensitiveTerms);
  if (!sensitive.built) {
    sensitive.built = true;
    const configured = (ctx.settings as unknown as { sensitiveInterfaces?: unknown }).sensitiveInterfaces;
    sensitive.terms = (Array.isArray(configured) && configured.length ? configured : DEFAULT_SENSITIVE_INTERFACES)
      .filter((t): t is string => typeof t === "string" && t.trim() !== "")
      .map((t) => t.toLowerCase());
    // Literal alternatives: the pattern matches a text exactly when the text includes one of the terms.
    if (sensitive.terms.length) sensitive.anyTerm = new RegExp(sensitive.terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"));
  }
  return sensitive;
}

function imageHit(sensitive: SensitiveTerms, ref: ImageReference | undefined): boolean {
  if (!ref) return sensitive.anyTerm.test("");
  let hit = sensitive.imageHits.get(ref);
  if (hit === undefined) sensitive.imageHits.set(ref, (hit = sensitive.anyTerm.test(ref.repository.toLowerCase())));
  return hit;
}

function anyImageHit(sensitive: SensitiveTerms, images: readonly ContainerImage[]): boolean {
  for (let i = 0; i < images.length; i++) if (imageHit(sensitive, images[i].ref)) return true;
  return false;
}

const NO_IMAGES: ContainerImage[] = Object.freeze([]) as unknown as ContainerImage[];

export default defineControl({
  id: "SS-0021",
  name: "Sensitive interface exposed outside the cluster",
  description:
    "Fails when a workload whose name or image matches a known sensitive interface (Argo Workflows server, Kubeflow, Jenkins, Kubernetes dashboard, Jupyter, model servers such as Ollama or vLLM, …) is reachable from outside the cluster through a LoadBalancer (not internal), NodePort or externalIPs Service, an Ingress or a Gateway route.",
  rationale:
    "These consoles execute code or workflows by design, several ship without authentication, and scanners find them within hours of exposure; reaching one from the internet is a direct path to code execution in the cluster.",
  severity: "medium",
  category: "network",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj, ctx) {
    const sensitive = sensitiveTerms(ctx);
    const { terms, anyTerm } = sensitive;
    const name = (obj.metadata?.name ?? "").toLowerCase();
    const images = imagesOf(obj, undefined, ctx) ?? NO_IMAGES;
    // Most workloads match no term: one pattern test over the name and each repository rules them out.
    if (!anyTerm.test(name) && !anyImageHit(sensitive, images)) return null;
    const repositories = images.map((i) => i.ref?.repository.toLowerCase() ?? "");
    const term = terms.find((t) => name.includes(t) || repositories.some((r) => r.includes(t)));
    if (!term) return null;
    const violations: Violation[] = [];
    for (const exposure of externalExposuresOf(obj, ctx)) {
      const through = exposure.via ? `${exposure.via.kind} ${exposure.via.metadata?.name ?? ""} → ` : "";
      violations.push({
        message: `${term} interface is exposed outside the cluster through ${through}${exposure.how === exposure.via?.kind ? "Service" : exposure.how} ${exposure.service.metadata?.name ?? ""}`,
        related: relatedRefs(exposure),
      });
    }
    return violations;
  },
  remediation:
    "Keep such interfaces on ClusterIP Services reached through kubectl port-forward, a VPN or an authenticating proxy; if they must be public, put SSO in front and restrict source ranges.",
  refs: { kubescape: ["C-0021"], mitre: ["T1133"] },
});
