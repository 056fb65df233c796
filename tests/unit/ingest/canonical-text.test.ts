// canonicalText is the server's fast canonical JSON for uploaded bodies: whatever path it takes, its
// text must be exactly the protocol's canonical form (keys in UTF-16 code-unit order, no whitespace,
// undefined dropped), or uploads from correct agents would be refused as hash mismatches.
import { describe, expect, test } from "vitest";
import { canonicalText } from "@/lib/server/snapshots/canonical-text";

describe("canonicalText", () => {
  test("a body already in canonical order is written as it came", () => {
    const text = '{"apiVersion":"v1","kind":"Pod","metadata":{"labels":{"app":"web"},"name":"web"},"spec":{"containers":[{"image":"nginx:1.27","name":"app"}]}}';
    expect(canonicalText(JSON.parse(text))).toBe(text);
  });

  test("unsorted keys are sorted at every depth, arrays keep their order", () => {
    const body = { metadata: { name: "web", labels: { z: "1", a: "2" } }, kind: "Pod", list: [{ b: 1, a: 2 }, 3] };
    expect(canonicalText(body)).toBe('{"kind":"Pod","list":[{"a":2,"b":1},3],"metadata":{"labels":{"a":"2","z":"1"},"name":"web"}}');
  });

  test("integer-like keys, which JavaScript enumerates first, still sort as strings", () => {
    // Parsing gives the order 2, 10, a; as strings "10" < "2" < "a".
    expect(canonicalText(JSON.parse('{"10":"x","2":"y","a":"z"}'))).toBe('{"10":"x","2":"y","a":"z"}');
    expect(canonicalText(JSON.parse('{"a":{"2":true,"10":false}}'))).toBe('{"a":{"10":false,"2":true}}');
  });

  test("keys sort by UTF-16 code unit, not by code point", () => {
    // U+1F600 is the surrogate pair D83D DE00, which sorts before U+FB01; both sort after "z".
    const text = '{"z":0,"\u{1F600}":1,"\uFB01":2}';
    expect(canonicalText(JSON.parse('{"\uFB01":2,"z":0,"\u{1F600}":1}'))).toBe(text);
    expect(canonicalText(JSON.parse(text))).toBe(text);
  });

  test("values JSON cannot hold are written as canonical JSON writes them", () => {
    expect(canonicalText({ b: undefined, a: 1 })).toBe('{"a":1}');
    expect(canonicalText({ a: [undefined, Number.NaN, Infinity] })).toBe('{"a":[null,null,null]}');
    expect(canonicalText({ a: new Date(0) })).toBe('{"a":{}}');
    expect(canonicalText({ a: 1, toJSON: () => "replaced" })).toBe('{"a":1}');
  });

  test("an own __proto__ key from parsed JSON is kept", () => {
    const text = '{"__proto__":{"x":1},"a":1}';
    expect(canonicalText(JSON.parse(text))).toBe(text);
  });
});
