// The sidebar. Sections whose pages are not built yet are listed as "soon" (not links), so the
// navigation never leads to an empty page; the issue that builds a section sets its `ready`.

export type NavItem = { label: string; path: string; ready: boolean; icon: IconName };
export type NavGroup = { label?: string; items: NavItem[] };

export type IconName = "overview" | "clusters" | "controls" | "rbac" | "reports" | "exceptions" | "members" | "tokens" | "audit";

export const NAV_GROUPS: NavGroup[] = [
  {
    items: [
      { label: "Overview", path: "", ready: true, icon: "overview" },
      { label: "Clusters", path: "/clusters", ready: true, icon: "clusters" },
      { label: "Controls", path: "/controls", ready: true, icon: "controls" },
      { label: "RBAC", path: "/rbac", ready: true, icon: "rbac" },
      { label: "Reports", path: "/reports", ready: true, icon: "reports" },
      { label: "Exceptions", path: "/exceptions", ready: true, icon: "exceptions" },
    ],
  },
  {
    label: "Settings",
    items: [
      { label: "Members", path: "/settings/members", ready: true, icon: "members" },
      { label: "Agent tokens", path: "/settings/tokens", ready: true, icon: "tokens" },
      { label: "Audit log", path: "/settings/audit", ready: true, icon: "audit" },
    ],
  },
];
