// Image signature facts. The engine cannot reach registries; a collector that can (the agent's
// image step, or a CI job running cosign) records its results as ImageSignature objects:
//   apiVersion: shipshape.dev/v1alpha1
//   kind: ImageSignature
//   spec: { image: "<reference as written>", digest?: "sha256:…", signed: boolean, verified?: boolean, keyRef?: string }
import type { EvalContext, K8sObject } from "../../engine/types";

export interface ImageSignatureFact {
  image: string;
  digest?: string;
  signed: boolean;
  verified?: boolean;
  keyRef?: string;
}

export function signatureFacts(ctx: EvalContext): Map<string, ImageSignatureFact> {
  return ctx.cache("workload-hygiene:image-signatures", () => {
    const facts = new Map<string, ImageSignatureFact>();
    for (const obj of ctx.index.byKind("ImageSignature")) {
      const spec = (obj as K8sObject).spec;
      if (obj.apiVersion !== "shipshape.dev/v1alpha1" || typeof spec?.image !== "string" || typeof spec.signed !== "boolean") continue;
      facts.set(spec.image, { image: spec.image, digest: spec.digest, signed: spec.signed, verified: spec.verified, keyRef: spec.keyRef });
    }
    return facts;
  });
}
