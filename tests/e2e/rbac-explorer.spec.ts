// The RBAC explorer on the seeded demo fleet, in real Chromium. Expected subjects and counts come
// from the demo's RBAC (prisma/seed/rbac-demo.ts and synthetic-objects.ts), read by hand:
// - alice@acme.example is bound to cluster-admin in prod-us-east-1, dc1-frankfurt and dev-kind, and
//   (for three days) in staging-europe-west1: 4 of Acme Corp's 5 clusters with RBAC data;
// - in prod-us-east-1 the Argo CD application controller's service account is cluster-admin, and
//   the oncall-debug ClusterRole (pods/exec create) is bound cluster-wide to Group acme:oncall and
//   User carol@acme.example; bob@acme.example only has the demo "edit" role, which has no pods/exec.
import { expect, test, type Page } from "@playwright/test";
import { DEFAULT_DEMO_PASSWORD, DEMO_USERS } from "../../prisma/seed/demo-fleet";
import { screenshot, signIn } from "./support";

const ARGO_CONTROLLER = "ServiceAccount/argocd/argocd-application-controller";

async function openClusterRbac(page: Page, clusterName: string): Promise<string> {
  await page.goto("/o/acme-corp/rbac");
  const row = page.getByTestId(`rbac-cluster-${clusterName}`);
  await row.getByRole("link", { name: clusterName }).click();
  await expect(page.getByRole("heading", { name: `RBAC · ${clusterName}` })).toBeVisible();
  return page.url();
}

test.beforeEach(async ({ page }) => {
  await signIn(page, DEMO_USERS.owner.email, process.env.SHIPSHAPE_DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD);
});

test("fleet view: clusters with RBAC risk and the same user across clusters", async ({ page }) => {
  await page.getByRole("link", { name: "RBAC", exact: true }).click();
  await expect(page).toHaveURL(/\/o\/acme-corp\/rbac$/);
  await expect(page.getByTestId("rbac-cluster-prod-us-east-1")).toContainText("critical");
  await screenshot(page, "rbac-fleet-clusters");

  await page.getByRole("button", { name: "Subjects across clusters" }).click();
  await page.getByLabel("Search subjects", { exact: true }).fill("alice");
  const alice = page.getByTestId("fleet-subject-User/alice@acme.example");
  await expect(alice).toContainText("cluster-admin in 4 of 5 clusters");
  await expect(page.getByTestId("fleet-subject-User/bob@acme.example")).toHaveCount(0);
  await screenshot(page, "rbac-fleet-subjects");

  await page.getByRole("button", { name: "New risky grants" }).click();
  const drift = page.getByTestId("fleet-drift");
  // alice-temp-admin appeared three days ago in staging: a new cluster-admin grant this week.
  await expect(drift.locator("li", { hasText: "Cluster-admin equivalent access" }).filter({ hasText: "alice@acme.example" }).filter({ hasText: "staging-europe-west1" })).toHaveCount(1);
  await screenshot(page, "rbac-fleet-drift");
});

test("graph: opened from a risky finding, then expanded hop by hop", async ({ page }) => {
  await openClusterRbac(page, "prod-us-east-1");
  const finding = page.getByTestId(`risky-grant-SS-1400|${ARGO_CONTROLLER}`);
  await expect(finding).toBeVisible();
  await finding.getByRole("button", { name: /Cluster-admin equivalent access/ }).click();
  await expect(finding.getByTestId("grant-path")).toContainText("ClusterRoleBinding argocd-application-controller");
  await screenshot(page, "rbac-risky-grants");

  await finding.getByRole("link", { name: "Open in graph" }).click();
  await expect(page).toHaveURL(/\/graph\?focus=subject%3AServiceAccount%2Fargocd%2Fargocd-application-controller&from=SS-1400/);
  const graph = page.getByTestId("rbac-graph");
  await expect(graph.getByTestId(`graph-node-subject:${ARGO_CONTROLLER}`)).toBeVisible();
  await expect(graph.getByTestId(`graph-node-subject:${ARGO_CONTROLLER}`)).toHaveAttribute("data-risk", "critical");
  const role = graph.getByTestId("graph-node-role:ClusterRole/cluster-admin");
  await expect(role).toBeVisible();
  // The finding's rule is drawn as a permission node of the role, outlined.
  const permission = graph.getByTestId("graph-node-permission:ClusterRole/cluster-admin:SS-1400");
  await expect(permission).toHaveAttribute("data-highlighted", "true");
  await expect(graph.getByTestId("graph-node-binding:ClusterRoleBinding/platform-admins")).toHaveCount(0);
  await screenshot(page, "rbac-graph-from-finding");

  // Expand the role: its other bindings (platform-admins → alice, sre-admins → acme:sre…) appear.
  await role.click();
  await expect(page.getByTestId("graph-details")).toContainText("cluster-admin");
  await page.getByRole("button", { name: "Expand neighbours" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Added \d+ node/ })).toBeVisible();
  await expect(graph.getByTestId("graph-node-binding:ClusterRoleBinding/platform-admins")).toBeVisible();
  await expect(graph.getByTestId("graph-node-binding:ClusterRoleBinding/sre-admins")).toBeVisible();
  // One more hop from a new binding reaches the person it binds.
  await graph.getByTestId("graph-node-binding:ClusterRoleBinding/platform-admins").click();
  await page.getByRole("button", { name: "Expand neighbours" }).click();
  await expect(graph.getByTestId("graph-node-subject:User/alice@acme.example")).toBeVisible();
  await screenshot(page, "rbac-graph-expanded");

  // Search re-centres the graph on another node.
  await page.getByLabel("Search subjects, roles and workloads").fill("argocd-server");
  await page.getByRole("option", { name: /argocd\/argocd-server/ }).first().click();
  await expect(page).toHaveURL(/focus=/);
  await expect(graph.locator('[data-node-type="workload"], [data-node-type="subject"]').first()).toBeVisible();
});

test("who-can, then a subject's effective-permission matrix", async ({ page }) => {
  await openClusterRbac(page, "prod-us-east-1");
  await page.getByRole("link", { name: "Who can…" }).click();
  await page.getByLabel("Verb").fill("create");
  await page.getByLabel("Resource[/subresource]").fill("pods/exec");
  await page.getByLabel("Namespace").fill("payments");
  await page.getByRole("button", { name: "Ask" }).click();
  const results = page.getByTestId("who-can-results");
  await expect(results.getByTestId("who-can-User/carol@acme.example")).toContainText("ClusterRoleBinding oncall-debug");
  await expect(results.getByTestId("who-can-Group/acme:oncall")).toBeVisible();
  await expect(results.getByTestId("who-can-Group/system:masters")).toContainText("superuser");
  await expect(results.getByTestId("who-can-User/bob@acme.example")).toHaveCount(0);
  await screenshot(page, "rbac-who-can");

  await results.getByTestId("who-can-User/carol@acme.example").getByRole("link", { name: /carol@acme\.example/ }).click();
  await expect(page.getByTestId("subject-page")).toBeVisible();
  const matrix = page.getByTestId("permission-matrix");
  const execRow = matrix.getByTestId("matrix-row-pods/exec");
  await expect(execRow.getByRole("button", { name: /create pods\/exec: allowed/ })).toBeVisible();
  await expect(execRow.getByRole("button", { name: /delete pods\/exec/ })).toHaveCount(0);
  await execRow.getByRole("button", { name: /create pods\/exec: allowed/ }).click();
  await expect(page.getByTestId("matrix-paths")).toContainText("ClusterRoleBinding oncall-debug");
  await screenshot(page, "rbac-subject-matrix");
});

test("attack paths: a public GitOps server whose token is cluster-admin", async ({ page }) => {
  await openClusterRbac(page, "prod-us-east-1");
  await page.getByRole("link", { name: "Attack paths" }).click();
  const path = page.getByTestId("attack-path-Deployment/argocd/argocd-server#cluster-admin");
  await expect(path).toContainText("Service argocd-server is of type LoadBalancer");
  await expect(path).toContainText("become cluster-admin");
  await screenshot(page, "rbac-attack-paths");

  // From the path to the graph: workload → service account → binding → role, three hops.
  await path.getByRole("link", { name: "Open in graph →" }).click();
  const graph = page.getByTestId("rbac-graph");
  await expect(graph.getByTestId("graph-node-workload:Deployment/argocd/argocd-server")).toContainText("exposed");
  await expect(graph.getByTestId("graph-node-subject:ServiceAccount/argocd/argocd-server")).toBeVisible();
  await expect(graph.getByTestId("graph-node-role:ClusterRole/argocd-server")).toHaveAttribute("data-risk", "critical");
  await screenshot(page, "rbac-graph-from-attack-path");
});
