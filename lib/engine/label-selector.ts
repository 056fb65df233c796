// Kubernetes label selector semantics (matchLabels + matchExpressions, and plain map selectors).

export interface LabelSelectorRequirement {
  key: string;
  operator: "In" | "NotIn" | "Exists" | "DoesNotExist" | string;
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

/**
 * True when `labels` satisfy a LabelSelector. An empty selector `{}` matches everything;
 * an absent (undefined/null) selector matches nothing, as in the API.
 */
export function matchesLabelSelector(
  selector: LabelSelector | null | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  if (!selector) return false;
  const own = labels ?? {};
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (own[key] !== value) return false;
  }
  for (const req of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(own, req.key);
    const values = req.values ?? [];
    switch (req.operator) {
      case "In":
        if (!has || !values.includes(own[req.key])) return false;
        break;
      case "NotIn":
        if (has && values.includes(own[req.key])) return false;
        break;
      case "Exists":
        if (!has) return false;
        break;
      case "DoesNotExist":
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** Service-style selector (a plain map). An empty or absent map selects nothing (like a Service). */
export function matchesMapSelector(
  selector: Record<string, string> | null | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  const own = labels ?? {};
  return Object.entries(selector).every(([key, value]) => own[key] === value);
}
