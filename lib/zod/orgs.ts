import { z } from "zod";

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{1,46}[a-z0-9])$/;

export const ZOrgSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(SLUG_PATTERN, "Use 3–48 lowercase letters, digits or hyphens (not at either end)");

export const ZCreateOrganization = z
  .object({
    name: z.string().trim().min(2, "Use at least 2 characters").max(80),
    slug: ZOrgSlug.optional(),
  })
  .strict();

export type TCreateOrganization = z.infer<typeof ZCreateOrganization>;

/** A URL slug derived from an organization name ("Acme Corp." → "acme-corp"). */
export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  return base.length >= 3 ? base : `${base || "org"}-team`.slice(0, 40);
}
