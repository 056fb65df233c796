// Kubernetes resource quantity parsing (lib/controls/workload-hygiene/quantity.ts).
import { describe, expect, it } from "vitest";
import { compareQuantities, parseQuantity } from "@/lib/controls/workload-hygiene/quantity";

describe("parseQuantity", () => {
  it.each([
    ["500m", 0.5],
    ["2", 2],
    ["1.5", 1.5],
    [".5", 0.5],
    ["1k", 1000],
    ["1e3", 1000],
    ["1E-3", 0.001],
    ["100M", 100e6],
    ["1Ki", 1024],
    ["1Mi", 1048576],
    ["1Gi", 1073741824],
    ["128974848", 128974848],
    ["400m", 0.4],
    ["+1", 1],
  ])("%s → %d", (text, value) => {
    expect(parseQuantity(text)).toBeCloseTo(value, 9);
  });

  it("accepts YAML numbers", () => {
    expect(parseQuantity(2)).toBe(2);
    expect(parseQuantity(0.25)).toBe(0.25);
  });

  it.each(["", "1GB", "1gi", "m", "1.2.3", "abc", "1 Gi"])("rejects %j", (text) => {
    expect(parseQuantity(text)).toBeUndefined();
  });
});

describe("compareQuantities", () => {
  it("compares equal quantities written differently as equal", () => {
    expect(compareQuantities(parseQuantity("0.1")!, parseQuantity("100m")!)).toBe(0);
    expect(compareQuantities(parseQuantity("1Gi")!, parseQuantity("1024Mi")!)).toBe(0);
    expect(compareQuantities(parseQuantity("1500m")!, parseQuantity("1")!)).toBe(1);
    expect(compareQuantities(parseQuantity("2048Mi")!, parseQuantity("1Gi")!)).toBe(1);
    expect(compareQuantities(parseQuantity("1G")!, parseQuantity("1Gi")!)).toBe(-1);
  });
});
