/** Periods the drift views offer (the API also takes any `<n>m|h|d|w` or an ISO time). */
export const SINCE_OPTIONS = [
  { value: "24h", label: "the last 24 hours" },
  { value: "7d", label: "the last week" },
  { value: "30d", label: "the last 30 days" },
  { value: "90d", label: "the last 90 days" },
] as const;
