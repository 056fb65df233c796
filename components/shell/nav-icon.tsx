import type { IconName } from "@/components/shell/nav-items";

// Small 16px outline icons, drawn here so the UI needs no icon package or network fonts.
const PATHS: Record<IconName, string> = {
  overview: "M3 3h4v6H3zM9 3h4v3H9zM9 8h4v5H9zM3 11h4v2H3z",
  clusters: "M8 1.5l5.5 3.2v6.6L8 14.5l-5.5-3.2V4.7zM8 1.5v6.5m0 0l5.5-3.3M8 8L2.5 4.7M8 8v6.5",
  controls: "M3 4h10M3 8h10M3 12h10M5 2.5v3M10 6.5v3M7 10.5v3",
  rbac: "M8 2a2.5 2.5 0 110 5 2.5 2.5 0 010-5zM3 14c0-2.8 2.2-5 5-5s5 2.2 5 5",
  reports: "M4 2h6l3 3v9H4zM10 2v3h3M6 8h5M6 10.5h5",
  exceptions: "M8 2l6 11H2zM8 6.5v3M8 11.5v.5",
  members: "M6 3a2.2 2.2 0 110 4.4A2.2 2.2 0 016 3zM1.8 13c0-2.3 1.9-4 4.2-4s4.2 1.7 4.2 4M11 3.5a2 2 0 010 3.9M12 9.2c1.4.4 2.4 1.8 2.4 3.5",
  tokens: "M10.5 2.5a3 3 0 11-2.9 3.7L2.5 11.3V13.5h2.2v-1.3H6v-1.3h1.3l1.5-1.5",
  audit: "M4 2h8v12H4zM6 5h4M6 7.5h4M6 10h2.5",
};

export function NavIcon({ name, className = "size-4" }: { name: IconName; className?: string }) {
  return (
    <svg viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth={1.4} strokeLinecap="round" strokeLinejoin="round" className={className} aria-hidden>
      <path d={PATHS[name]} />
    </svg>
  );
}
