import { afterEach, describe, expect, test, vi } from "vitest";
import { z } from "zod";
import { AppError, ERROR_STATUS, toErrorResponse } from "@/lib/api/errors";
import { parseJsonBody, parseSearchParams } from "@/lib/api/parse-body";
import { assertSameOrigin } from "@/lib/api/same-origin";
import { publicBaseUrl } from "@/lib/api/public-url";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { hasRole } from "@/lib/auth/roles";

afterEach(() => vi.restoreAllMocks());

describe("toErrorResponse", () => {
  test("an AppError keeps its code, message and mapped status", async () => {
    const res = toErrorResponse(new AppError("conflict", "Name taken."));
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ error: { code: "conflict", message: "Name taken." } });
  });

  test("anything else is logged and becomes a 500 that reveals nothing", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const res = toErrorResponse(new Error("connect ECONNREFUSED 10.0.0.5:5432"), { route: "GET /api/x" });
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body.error.code).toBe("internal_error");
    expect(JSON.stringify(body)).not.toContain("ECONNREFUSED");
    expect(log).toHaveBeenCalledOnce();
    expect(String(log.mock.calls[0][0])).toContain("GET /api/x");
  });

  test("every code maps to a 4xx or 5xx status", () => {
    for (const status of Object.values(ERROR_STATUS)) expect(status).toBeGreaterThanOrEqual(400);
  });
});

describe("parseJsonBody", () => {
  const schema = z.object({ name: z.string() }).strict();
  const req = (body: string, headers: Record<string, string> = { "content-type": "application/json" }) => new Request("http://x/y", { method: "POST", body, headers });

  test("valid JSON matching the schema", async () => {
    await expect(parseJsonBody(req('{"name":"a"}'), schema)).resolves.toEqual({ name: "a" });
  });

  test.each([
    ['{"name":', "invalid_json"],
    ["", "invalid_json"],
    ['{"name":1}', "validation_failed"],
    ['{"name":"a","extra":true}', "validation_failed"],
  ])("%s → %s", async (body, code) => {
    await expect(parseJsonBody(req(body), schema)).rejects.toMatchObject({ code });
  });

  test("a non-JSON content type is 415", async () => {
    await expect(parseJsonBody(req('{"name":"a"}', { "content-type": "text/plain" }), schema)).rejects.toMatchObject({ code: "unsupported_media_type" });
  });

  test("the size limit applies to the bytes read, even without Content-Length", async () => {
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode('{"name":"' + "x".repeat(2000)));
        c.enqueue(new TextEncoder().encode('"}'));
        c.close();
      },
    });
    const r = new Request("http://x/y", { method: "POST", body: stream, headers: { "content-type": "application/json" }, duplex: "half" } as RequestInit);
    await expect(parseJsonBody(r, schema, { maxBytes: 1000 })).rejects.toMatchObject({ code: "payload_too_large" });
  });

  test("search params are validated too", () => {
    const q = z.object({ limit: z.coerce.number().int() }).strict();
    expect(parseSearchParams("http://x/?limit=5", q)).toEqual({ limit: 5 });
    expect(() => parseSearchParams("http://x/?limit=5&x=1", q)).toThrow(AppError);
  });
});

describe("assertSameOrigin", () => {
  const r = (method: string, headers: Record<string, string>) => new Request("http://app.example.com/api/x", { method, headers });
  test("same-origin and origin-less requests pass; cross-origin mutations fail", () => {
    expect(() => assertSameOrigin(r("POST", { origin: "http://app.example.com", host: "app.example.com" }))).not.toThrow();
    expect(() => assertSameOrigin(r("POST", { host: "app.example.com" }))).not.toThrow();
    expect(() => assertSameOrigin(r("GET", { origin: "https://evil.example", host: "app.example.com" }))).not.toThrow();
    expect(() => assertSameOrigin(r("POST", { origin: "https://evil.example", host: "app.example.com" }))).toThrow(AppError);
    expect(() => assertSameOrigin(r("DELETE", { origin: "null", host: "app.example.com" }))).toThrow(AppError);
  });
});

describe("publicBaseUrl", () => {
  const req = new Request("http://10.0.0.1:3000/api/x", { headers: { "x-forwarded-host": "posture.example.com", "x-forwarded-proto": "https" } });
  test("AUTH_URL wins (its origin), then forwarded headers, then the request", () => {
    expect(publicBaseUrl(req, { AUTH_URL: "https://shipshape.corp/api/auth" })).toBe("https://shipshape.corp");
    expect(publicBaseUrl(req, {})).toBe("https://posture.example.com");
    expect(publicBaseUrl(new Request("http://127.0.0.1:3000/x"), {})).toBe("http://127.0.0.1:3000");
  });
});

describe("safeCallbackUrl", () => {
  test.each([
    ["/o/acme/clusters", "/o/acme/clusters"],
    ["/invite/abc?x=1", "/invite/abc?x=1"],
    ["https://evil.example/", "/"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["/sign-in?callbackUrl=/x", "/"],
    [undefined, "/"],
  ])("%s → %s", (input, expected) => expect(safeCallbackUrl(input)).toBe(expected));
});

describe("roles", () => {
  test("OWNER ⊃ ADMIN ⊃ VIEWER", () => {
    expect(hasRole("OWNER", "ADMIN")).toBe(true);
    expect(hasRole("ADMIN", "ADMIN")).toBe(true);
    expect(hasRole("ADMIN", "OWNER")).toBe(false);
    expect(hasRole("VIEWER", "ADMIN")).toBe(false);
  });
});
