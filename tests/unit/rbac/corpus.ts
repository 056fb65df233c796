// Loads RBAC objects from ../shared/corpus/rbac for the RBAC tests (read in place, never copied).
import fs from "node:fs";
import path from "node:path";
import { parseAllDocuments } from "yaml";
import { ObjectIndex } from "@/lib/engine/object-index";
import type { K8sObject } from "@/lib/engine/types";

export const RBAC_CORPUS = path.resolve(__dirname, "../../../../shared/corpus/rbac");

/** Every object of the YAML files, `kind: List` unwrapped. */
export function loadYaml(...files: string[]): K8sObject[] {
  const objects: K8sObject[] = [];
  for (const file of files) {
    for (const doc of parseAllDocuments(fs.readFileSync(path.join(RBAC_CORPUS, file), "utf8"))) {
      const value = doc.toJS() as K8sObject | null;
      if (!value || typeof value !== "object") continue;
      if (value.kind === "List" && Array.isArray(value.items)) objects.push(...value.items);
      else objects.push(value);
    }
  }
  return objects;
}

export const BOOTSTRAP_FILES = [
  "kubernetes-bootstrappolicy/cluster-roles.yaml",
  "kubernetes-bootstrappolicy/cluster-role-bindings.yaml",
  "kubernetes-bootstrappolicy/controller-roles.yaml",
  "kubernetes-bootstrappolicy/controller-role-bindings.yaml",
  "kubernetes-bootstrappolicy/namespace-roles.yaml",
  "kubernetes-bootstrappolicy/namespace-role-bindings.yaml",
];

export function indexOf(objects: K8sObject[]): ObjectIndex {
  return new ObjectIndex(objects);
}
