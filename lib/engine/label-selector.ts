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

const NO_LABELS: Record<string, string> = Object.freeze({}) as Record<string, string>;
const NO_REQUIREMENTS: readonly LabelSelectorRequirement[] = Object.freeze([]);

/**
 * True when `labels` satisfy a LabelSelector. An empty selector `{}` matches everything;
 * an absent (undefined/null) selector matches nothing, as in the API.
 */
export function matchesLabelSelector(
  selector: LabelSelector | null | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  if (!selector) return false;
  const own = labels ?? NO_LABELS;
  // Called for every (selector, workload) pair of a scan: plain loops, no entry arrays.
  const matchLabels = selector.matchLabels;
  if (matchLabels) {
    for (const key in matchLabels) {
      if (Object.prototype.hasOwnProperty.call(matchLabels, key) && own[key] !== matchLabels[key]) return false;
    }
  }
  for (const req of selector.matchExpressions ?? NO_REQUIREMENTS) {
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
  if (!selector) return false;
  const own = labels ?? NO_LABELS;
  let empty = true;
  for (const key in selector) {
    if (!Object.prototype.hasOwnProperty.call(selector, key)) continue;
    empty = false;
    if (own[key] !== selector[key]) return false;
  }
  return !empty;
}
