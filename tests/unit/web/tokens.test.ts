import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import { AGENT_TOKEN_PATTERN, generateAgentToken, hashToken, isWellFormedAgentToken, randomBase62 } from "@/lib/auth/agent-tokens";
import { generateInvitationToken } from "@/lib/auth/invitation-tokens";
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { buildInstallCommands, DEFAULT_AGENT_HELM_CHART } from "@/lib/server/tokens/build-install-commands";

describe("agent tokens", () => {
  test("ssa_ + 32 base62 characters; the hash is SHA-256 hex of the whole token; the prefix is 12 characters", () => {
    const { token, tokenHash, prefix } = generateAgentToken();
    expect(token).toMatch(AGENT_TOKEN_PATTERN);
    expect(token).toHaveLength(36);
    expect(tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(prefix).toBe(token.slice(0, 12));
    expect(isWellFormedAgentToken(token)).toBe(true);
  });

  test("tokens do not repeat", () => {
    const seen = new Set(Array.from({ length: 2000 }, () => generateAgentToken().token));
    expect(seen.size).toBe(2000);
  });

  test("every base62 character occurs, none favoured much (rejection sampling)", () => {
    const counts = new Map<string, number>();
    for (const ch of randomBase62(62_000)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(62);
    for (const n of counts.values()) expect(n).toBeGreaterThan(800);
  });

  test("malformed tokens are recognised without a lookup", () => {
    for (const bad of ["", "ssa_", `ssa_${"a".repeat(31)}`, `ssa_${"a".repeat(33)}`, `ssb_${"a".repeat(32)}`, `ssa_${"a".repeat(31)}-`]) {
      expect(isWellFormedAgentToken(bad)).toBe(false);
    }
  });

  test("hashToken is the seed's scheme (sha256 hex)", () => {
    expect(hashToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});

describe("invitation tokens", () => {
  test("43 base64url characters (32 bytes) and their SHA-256", () => {
    const { token, tokenHash } = generateInvitationToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokenHash).toBe(hashToken(token));
  });
});

describe("install commands", () => {
  test("helm and npx lines carry the server URL and the token", () => {
    const cmds = buildInstallCommands({ serverUrl: "https://shipshape.example.com", token: "ssa_abc", chart: "./agent/deploy/helm/shipshape-agent" });
    expect(cmds.npx).toBe("npx shipshape agent --server https://shipshape.example.com --token ssa_abc");
    expect(cmds.helm).toContain("helm upgrade --install shipshape-agent ./agent/deploy/helm/shipshape-agent");
    expect(cmds.helm).toContain("--set server=https://shipshape.example.com");
    expect(cmds.helm).toContain("--set token=ssa_abc");
  });

  test("every value the helm line sets exists in the agent chart", () => {
    const values = parse(fs.readFileSync(path.resolve(__dirname, "../../../agent/deploy/helm/shipshape-agent/values.yaml"), "utf8"));
    const cmds = buildInstallCommands({ serverUrl: "https://s.example.com", token: "ssa_abc" });
    const keys = [...cmds.helm.matchAll(/--set ([A-Za-z0-9_.]+)=/g)].map((m) => m[1]);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], values);
      expect(value, `values.yaml has ${key}`).not.toBeUndefined();
    }
    expect(fs.existsSync(path.resolve(__dirname, "../../..", DEFAULT_AGENT_HELM_CHART, "Chart.yaml"))).toBe(true);
  });

  test("values that need it are shell-quoted", () => {
    const cmds = buildInstallCommands({ serverUrl: "https://x.example.com/a b", token: "ssa_abc", chart: "c" });
    expect(cmds.npx).toContain("--server 'https://x.example.com/a b'");
  });
});
