"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef } from "react";

/**
 * A page's view state in its URL query (filters, selections, tabs), so a view can be shared and
 * survives reloads. Setting a value to "" or undefined removes it; defaults are left out of the URL.
 */
export function useUrlParams<K extends string>(defaults: Partial<Record<K, string>> = {}) {
  const search = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  // The query last asked of the router until the router has rendered it. router.replace updates the
  // URL in a transition, so neither the render's params nor window.location hold it yet when a second
  // change follows at once (pick "from", then "to"): the second change builds on this instead.
  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (pending.current !== null && search.toString() === pending.current) pending.current = null;
  }, [search]);
  useEffect(() => {
    // Back and forward buttons move the URL elsewhere: a change after them starts from the URL.
    const forget = () => (pending.current = null);
    window.addEventListener("popstate", forget);
    return () => window.removeEventListener("popstate", forget);
  }, []);
  const params = useMemo(() => {
    const out: Record<string, string> = { ...(defaults as Record<string, string>) };
    search.forEach((value, key) => (out[key] = value));
    return out as Partial<Record<K, string>> & Record<string, string>;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search]);
  const set = useCallback(
    (changes: Partial<Record<K, string | undefined | null>>) => {
      const next = new URLSearchParams(pending.current ?? window.location.search);
      for (const [k, v] of Object.entries(changes) as [string, string | undefined | null][]) {
        if (v === undefined || v === null || v === "" || v === (defaults as Record<string, string>)[k]) next.delete(k);
        else next.set(k, v);
      }
      const q = next.toString();
      pending.current = q;
      router.replace(q ? `${pathname}?${q}` : pathname, { scroll: false });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [search, pathname, router],
  );
  return [params, set] as const;
}
