"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";

/**
 * A page's view state in its URL query (filters, selections, tabs), so a view can be shared and
 * survives reloads. Setting a value to "" or undefined removes it; defaults are left out of the URL.
 */
export function useUrlParams<K extends string>(defaults: Partial<Record<K, string>> = {}) {
  const search = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const params = useMemo(() => {
    const out: Record<string, string> = { ...(defaults as Record<string, string>) };
    search.forEach((value, key) => (out[key] = value));
    return out as Partial<Record<K, string>> & Record<string, string>;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search]);
  const set = useCallback(
    (changes: Partial<Record<K, string | undefined | null>>) => {
      // The live URL, not the render's snapshot: two changes in a row (pick "from", then "to")
      // must both land even before the router has re-rendered with the first.
      const next = new URLSearchParams(window.location.search);
      for (const [k, v] of Object.entries(changes) as [string, string | undefined | null][]) {
        if (v === undefined || v === null || v === "" || v === (defaults as Record<string, string>)[k]) next.delete(k);
        else next.set(k, v);
      }
      const q = next.toString();
      router.replace(q ? `${pathname}?${q}` : pathname, { scroll: false });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [search, pathname, router],
  );
  return [params, set] as const;
}
