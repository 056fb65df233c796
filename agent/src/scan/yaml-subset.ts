// A fast reader for the block-style YAML that generated manifests (helm template, kubectl, kustomize)
// are made of: block maps and sequences, plain and quoted scalars (over several lines too), literal
// and folded block scalars, one-line flow collections, comments, CR LF line ends.
//
// Contract: for a document it accepts, it returns exactly what the `yaml` package returns for it with
// the options load-manifests uses (YAML 1.1 schema, `toJS()`), the line `yaml` places the document and
// any node at, and the `# Source:` comment `yaml` attaches to the document. Anything outside the subset
// (anchors, aliases, tags, merge keys, explicit keys, multi-line flow collections, indentation
// indicators, timestamps, tabs outside comments and block scalars, control characters, unusual
// indentation, anything `yaml` would call an error) makes it return `undefined`, and the caller parses
// that document with `yaml` instead. tests/unit/cli/yaml-subset.test.ts holds it to `yaml` on the
// shared corpora, on mutated documents and on edge cases.
//
// On the Helm corpus it reads 99% of the documents, several times faster than `yaml`, and keeps no
// syntax tree: it builds either the values (loading) or the lines of nodes (locating findings).
import { Document, isScalar, type ScalarTag } from "yaml";

/** Positions of one node, shaped like the `yaml` nodes `Document.getIn` walks. */
export type PositionNode =
  | { kind: "map"; line: number; keys: unknown[]; values: PositionNode[] }
  | { kind: "seq"; line: number; items: PositionNode[] }
  | { kind: "scalar"; line: number };

export interface SubsetDocument {
  /** `doc.toJS()`: null for a document without content. */
  value: unknown;
  /** 1-based line where the content starts (the first key of a map). */
  line: number;
  /** Text after `Source:` in a comment before the content (helm template output). */
  helmSource?: string;
  /** Present when positions were asked for. */
  root?: PositionNode;
}

class Unsupported extends Error {}
const UNSUPPORTED = new Unsupported("outside the YAML subset");

const SCHEMA_OPTIONS = { version: "1.1", uniqueKeys: false, prettyErrors: false } as const;
const SCHEMA_DOCUMENT = new Document(null, SCHEMA_OPTIONS);
/** The tags a plain scalar is resolved with, in `yaml`'s order (composer: findScalarTagByTest). */
const PLAIN_TAGS = (SCHEMA_DOCUMENT.schema.tags as ScalarTag[]).filter((t) => t.default === true && t.test);
const SOURCE_COMMENT = /^\s*Source:\s*(\S.*)$/m;
/**
 * Characters the subset leaves to `yaml` (C0 controls but LF and CR LF, DEL, NEL, LS, PS, a BOM that
 * starts the text; a BOM further on is text to `yaml`), or tabs it checks.
 */
// eslint-disable-next-line no-control-regex
const REFUSED_CHARACTERS = /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F\u0085\u2028\u2029]|\r(?!\n)|^\uFEFF/g;

const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const DQUOTE = 34;
const SQUOTE = 39;

/**
 * The string without the file's text behind it. V8 makes a slice of 13 or more characters a view of
 * the text it was cut from, so one kept value would keep its whole file in memory; concatenations
 * (block scalars) are trees of such views. Flattening `" " + s` copies the characters once.
 */
export function detached(s: string): string {
  return s.length < 13 ? s : (" " + s).slice(1);
}

/**
 * Resolved plain scalars that could be something other than a string (numbers, booleans, null): a memo
 * of a pure function of the text (the schema is fixed), bounded.
 */
const resolved = new Map<string, unknown>();

/** findScalarTagByTest + the tag's resolve, as `yaml` composes a plain scalar (a key or a value). */
function resolvePlain(source: string): unknown {
  const c = source.charCodeAt(0);
  // Every default tag's test needs an empty string or one of these first characters: ~ + - . 0-9 e E
  // (numbers, `e5` is a float in YAML 1.1) and the initials of null/true/false/yes/no/on/off (words of
  // at most 5 characters).
  const word = c === 110 || c === 78 || c === 121 || c === 89 || c === 116 || c === 84 || c === 102 || c === 70 || c === 111 || c === 79;
  const numeric = c === 126 || c === 43 || c === 45 || c === 46 || (c >= 48 && c <= 57) || c === 101 || c === 69;
  if (source.length > 0 && !numeric && !(word && source.length <= 5)) return detached(source);
  let value = resolved.get(source);
  if (value !== undefined || resolved.has(source)) return value;
  const tag = PLAIN_TAGS.find((t) => t.test!.test(source));
  if (tag) {
    let failed = false;
    const res = tag.resolve(source, () => (failed = true), SCHEMA_DOCUMENT.options);
    value = isScalar(res) ? res.value : res;
    // Timestamps become Date objects: left to `yaml` rather than shared from this cache.
    if (failed || (typeof value === "object" && value !== null) || typeof value === "bigint") throw UNSUPPORTED;
  } else value = detached(source);
  if (resolved.size > 10_000) resolved.clear();
  resolved.set(typeof value === "string" ? value : detached(source), value);
  return value;
}

/** `yaml`'s stringifyKey for the scalar keys the subset accepts. */
function keyString(key: unknown): string {
  return key === null ? "" : String(key);
}

/** `yaml`'s addPairToJSMap: a repeated key keeps its place and takes the last value; `__proto__` is data. */
function setEntry(map: Record<string, unknown>, key: string, value: unknown): void {
  // Plain assignment does the same for every other key, inherited names included (no setters but __proto__).
  if (key === "__proto__") Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
  else map[key] = value;
}

/** `yaml`'s unfoldLines (plain scalars): lines folded into spaces, empty lines into newlines. */
function unfoldLines(source: string): string {
  const parts = source.split(/\r?\n/);
  if (parts.length === 1) return source;
  let res = parts[0].replace(/[ \t]+$/, "");
  let sep = " ";
  for (let i = 1; i < parts.length - 1; i++) {
    const lm = parts[i].replace(/^[ \t]+|[ \t]+$/g, "");
    if (lm === "") {
      if (sep === "\n") res += sep;
      else sep = "\n";
    } else {
      res += sep + lm;
      sep = " ";
    }
  }
  return res + sep + parts[parts.length - 1].replace(/^[ \t]+/, "");
}

const ESCAPES: Record<string, string> = {
  "0": "\0", a: "\x07", b: "\b", e: "\x1b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v",
  N: "\u0085", _: "\u00a0", L: "\u2028", P: "\u2029", " ": " ", '"': '"', "/": "/", "\\": "\\",
};

type Shape = "seq" | "map" | "quoted" | "flow" | "block" | "plain";

/**
 * Reads one document: the text between two `---` lines, with its first line number. It builds either
 * the JS value or the position tree (`positions`), never both: loading needs values, locating lines.
 */
class SubsetReader {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** Leading spaces of each line. */
  private readonly indents: number[] = [];
  /** 0 blank (spaces only), 1 comment, 2 content. */
  private readonly kinds: number[] = [];
  private readonly sliceEnd: number;
  private readonly values: boolean;
  /** The line after the node read last. */
  private next = 0;
  /** The position of the node read last (positions mode). */
  private pos?: PositionNode;
  /** Tabs may be in comments and in block scalars' text, nowhere else: from where on each line they may be. */
  private readonly tabsAllowedFrom?: number[];

  constructor(
    private readonly text: string,
    start: number,
    end: number,
    private readonly firstLine: number,
    private readonly positions: boolean,
    private readonly tabs: number[],
  ) {
    this.sliceEnd = end;
    this.values = !positions;
    let s = start;
    while (s < end) {
      let next = text.indexOf("\n", s);
      if (next === -1 || next > end) next = end;
      // A CR before the LF ends the line too (the refused characters exclude a CR without LF).
      const e = next > s && text.charCodeAt(next - 1) === 13 ? next - 1 : next;
      let i = s;
      while (i < e && text.charCodeAt(i) === SPACE) i++;
      this.starts.push(s);
      this.ends.push(e);
      this.indents.push(i - s);
      this.kinds.push(i === e ? 0 : text.charCodeAt(i) === HASH ? 1 : 2);
      s = next + 1;
    }
    if (tabs.length) this.tabsAllowedFrom = this.starts.map(() => Infinity);
  }

  private allowTabs(offset: number): void {
    const allowed = this.tabsAllowedFrom;
    if (!allowed) return;
    const li = this.lineIndexOf(offset);
    allowed[li] = Math.min(allowed[li], offset);
  }

  private checkTabs(): void {
    for (const tab of this.tabs) if (tab < this.tabsAllowedFrom![this.lineIndexOf(tab)]) throw UNSUPPORTED;
  }

  private lineIndexOf(offset: number): number {
    const { starts } = this;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  read(): SubsetDocument {
    const { text } = this;
    // Comments before the content, as `yaml` attaches them: those before and on a `---` line and after
    // it are the document's; without `---`, those before a block collection belong to its first item
    // unless an empty line follows them (composer: decorate, parsePrelude).
    const prelude: string[] = [];
    const afterMarker: string[] = [];
    let afterEmptyLine = false;
    let content = -1;
    let marker = false;
    for (let li = 0; li < this.kinds.length; li++) {
      const kind = this.kinds[li];
      if (kind === 0) {
        if (!marker) afterEmptyLine = true;
        continue;
      }
      const s = this.starts[li];
      if (kind === 1) {
        this.allowTabs(s + this.indents[li] + 1);
        (marker ? afterMarker : prelude).push(text.slice(s + this.indents[li] + 1, this.ends[li]) || " ");
        if (!marker) afterEmptyLine = false;
        continue;
      }
      if (!marker && this.indents[li] === 0 && text.startsWith("---", s) && (s + 3 === this.ends[li] || text.charCodeAt(s + 3) === SPACE)) {
        marker = true;
        let p = s + 3;
        while (p < this.ends[li] && text.charCodeAt(p) === SPACE) p++;
        if (p < this.ends[li]) {
          if (text.charCodeAt(p) !== HASH) throw UNSUPPORTED;
          this.allowTabs(p + 1);
          afterMarker.push(text.slice(p + 1, this.ends[li]) || " ");
        }
        continue;
      }
      content = li;
      break;
    }
    if (content === -1) {
      this.checkTabs();
      return { value: null, line: this.firstLine };
    }
    const shape = this.shapeAt(content, this.indents[content]);
    const value = this.node(content, this.indents[content], -1);
    if (this.nextContent(this.next) !== -1) throw UNSUPPORTED;
    this.checkTabs();
    const comments = marker || afterEmptyLine || (shape !== "map" && shape !== "seq") ? [...prelude, ...afterMarker] : afterMarker;
    const helmSource = comments.length ? SOURCE_COMMENT.exec(comments.join("\n"))?.[1]?.trim() : undefined;
    return { value: this.values ? value : null, line: this.lineOf(content), helmSource, root: this.positions ? this.pos : undefined };
  }

  private lineOf(li: number): number {
    return this.firstLine + li;
  }

  private scalarAt(li: number): void {
    if (this.positions) this.pos = { kind: "scalar", line: this.lineOf(li) };
  }

  /** The next content line at or after `li`, or -1. */
  private nextContent(li: number): number {
    const { kinds } = this;
    for (; li < kinds.length; li++) {
      if (kinds[li] === 2) return li;
      if (kinds[li] === 1) this.allowTabs(this.starts[li] + this.indents[li] + 1);
    }
    return -1;
  }

  private isSeqEntry(li: number, col: number): boolean {
    const p = this.starts[li] + col;
    if (this.text.charCodeAt(p) !== DASH) return false;
    return p + 1 === this.ends[li] || this.text.charCodeAt(p + 1) === SPACE;
  }

  /** What the node starting at column `col` of line `li` is, from its first characters. */
  private shapeAt(li: number, col: number): Shape {
    const { text } = this;
    const p = this.starts[li] + col;
    switch (text.charCodeAt(p)) {
      case DASH:
        if (this.isSeqEntry(li, col)) return "seq";
        break;
      case DQUOTE:
      case SQUOTE: {
        const close = this.closingQuote(p);
        return close !== -1 && close < this.ends[li] && this.colonAfter(close + 1, this.ends[li]) !== -1 ? "map" : "quoted";
      }
      case 91: // [
      case 123: // {
        return "flow";
      case 124: // |
      case 62: // >
        return "block";
      case 38: // &
      case 42: // *
      case 33: // !
      case 63: // ?
      case COLON:
      case 37: // %
      case 64: // @
      case 96: // `
      case 44: // ,
      case 93: // ]
      case 125: // }
      case HASH:
        throw UNSUPPORTED;
    }
    return this.plainKeyColon(p, this.ends[li]) !== -1 ? "map" : "plain";
  }

  /** A block node whose first character is at column `col` of line `li`, inside a parent at `parentIndent`. */
  private node(li: number, col: number, parentIndent: number): unknown {
    const p = this.starts[li] + col;
    switch (this.shapeAt(li, col)) {
      case "seq":
        return this.seq(li, col);
      case "map":
        return this.map(li, col);
      case "quoted":
        return this.quotedValue(li, p, parentIndent);
      case "flow":
        return this.flowNode(li, p, this.ends[li]);
      case "block":
        // Only as a sequence entry (`- |`); on a line of its own, the indentation rules differ.
        if (parentIndent < 0 || col === this.indents[li]) throw UNSUPPORTED;
        return this.blockScalar(li, p, parentIndent);
      case "plain":
        return this.plain(li, p, parentIndent);
    }
  }

  /** Offset of the `:` ending a plain implicit key that starts at `p`, or -1 when the line is no key. */
  private plainKeyColon(p: number, end: number): number {
    const { text } = this;
    for (let i = p; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === COLON) {
        if (i + 1 === end || text.charCodeAt(i + 1) === SPACE) return i;
      } else if (c === HASH && text.charCodeAt(i - 1) === SPACE) return -1;
    }
    return -1;
  }

  /** After a quoted key: offset of its `:` indicator, or -1. */
  private colonAfter(p: number, end: number): number {
    const { text } = this;
    while (p < end && text.charCodeAt(p) === SPACE) p++;
    if (p < end && text.charCodeAt(p) === COLON && (p + 1 === end || text.charCodeAt(p + 1) === SPACE)) return p;
    return -1;
  }

  /** Only spaces, or spaces and a comment, may follow a complete value on its line. */
  private endOfValue(p: number, end: number): void {
    const { text } = this;
    const from = p;
    while (p < end && text.charCodeAt(p) === SPACE) p++;
    if (p < end && (text.charCodeAt(p) !== HASH || p === from)) throw UNSUPPORTED;
    if (p < end) this.allowTabs(p + 1);
  }

  private map(li: number, n: number): unknown {
    const { text } = this;
    const map: Record<string, unknown> | undefined = this.values ? {} : undefined;
    const keys: unknown[] | undefined = this.positions ? [] : undefined;
    const children: PositionNode[] | undefined = this.positions ? [] : undefined;
    const line = this.lineOf(li);
    for (;;) {
      const end = this.ends[li];
      const p = this.starts[li] + n;
      const c = text.charCodeAt(p);
      let key: unknown;
      let colon: number;
      if (c === DQUOTE || c === SQUOTE) {
        const q = readQuoted(text, p, end);
        colon = this.colonAfter(q.end, end);
        key = q.value;
      } else {
        if (isIndicator(text, c, p, end)) throw UNSUPPORTED;
        colon = this.plainKeyColon(p, end);
        if (colon !== -1) {
          let k = colon;
          while (text.charCodeAt(k - 1) === SPACE) k--;
          const source = text.slice(p, k);
          if (source === "<<") throw UNSUPPORTED;
          key = resolvePlain(source);
        }
      }
      if (colon === -1 || colon - p > 1024) throw UNSUPPORTED;
      const value = this.mapValue(li, colon + 1, n);
      if (map) setEntry(map, keyString(key), value);
      if (keys) {
        keys.push(key);
        children!.push(this.pos!);
      }
      const lj = this.nextContent(this.next);
      if (lj === -1 || this.indents[lj] < n) break;
      if (this.indents[lj] > n) throw UNSUPPORTED;
      li = lj;
    }
    if (keys) this.pos = { kind: "map", line, keys, values: children! };
    return map;
  }

  /** The value after a key's `:` at offset `p - 1` on line `li`, in a map at column `n`. */
  private mapValue(li: number, p: number, n: number): unknown {
    const { text } = this;
    const end = this.ends[li];
    while (p < end && text.charCodeAt(p) === SPACE) p++;
    if (p === end || text.charCodeAt(p) === HASH) {
      const lj = this.nextContent(li + 1);
      if (lj !== -1 && this.indents[lj] > n) return this.node(lj, this.indents[lj], n);
      if (lj !== -1 && this.indents[lj] === n && this.isSeqEntry(lj, n)) return this.seq(lj, n);
      this.next = li + 1;
      this.scalarAt(li);
      return null;
    }
    const c = text.charCodeAt(p);
    switch (c) {
      case DQUOTE:
      case SQUOTE:
        return this.quotedValue(li, p, n);
      case 91: // [
      case 123: // {
        return this.flowNode(li, p, end);
      case 124: // |
      case 62: // >
        return this.blockScalar(li, p, n);
    }
    if (isIndicator(text, c, p, end)) throw UNSUPPORTED;
    return this.plain(li, p, n);
  }

  private seq(li: number, n: number): unknown {
    const { text } = this;
    const items: unknown[] | undefined = this.values ? [] : undefined;
    const children: PositionNode[] | undefined = this.positions ? [] : undefined;
    const line = this.lineOf(li);
    for (;;) {
      const end = this.ends[li];
      let p = this.starts[li] + n + 1;
      while (p < end && text.charCodeAt(p) === SPACE) p++;
      let item: unknown;
      if (p === end || text.charCodeAt(p) === HASH) {
        const lj = this.nextContent(li + 1);
        if (lj !== -1 && this.indents[lj] > n) item = this.node(lj, this.indents[lj], n);
        else {
          this.next = li + 1;
          this.scalarAt(li);
          item = null;
        }
      } else item = this.node(li, p - this.starts[li], n);
      items?.push(item);
      children?.push(this.pos!);
      const lj = this.nextContent(this.next);
      if (lj === -1 || this.indents[lj] < n) break;
      if (this.indents[lj] > n) throw UNSUPPORTED;
      if (!this.isSeqEntry(lj, n)) break;
      li = lj;
    }
    if (children) this.pos = { kind: "seq", line, items: children };
    return items;
  }

  /** A plain scalar from offset `p` of line `li`, continued on lines indented past `parentIndent`. */
  private plain(li: number, p: number, parentIndent: number): unknown {
    const { text } = this;
    let last = this.plainLineEnd(p, this.ends[li]);
    let lastLine = li;
    if (last.comment === -1) {
      for (let lj = li + 1; lj < this.kinds.length; lj++) {
        const kind = this.kinds[lj];
        if (kind === 0) continue;
        if (kind === 1 || this.indents[lj] <= parentIndent) break;
        // Indicators only matter where a scalar starts: `- x` or `"x` continue the text here.
        last = this.plainLineEnd(this.starts[lj] + this.indents[lj], this.ends[lj]);
        lastLine = lj;
        if (last.comment !== -1) break;
      }
    }
    this.next = lastLine + 1;
    this.scalarAt(li);
    if (!this.values) return undefined;
    const source = text.slice(p, last.end);
    return resolvePlain(lastLine === li ? source : unfoldLines(source));
  }

  /** End of the plain text on one line (before a comment and trailing spaces); `: ` inside is refused. */
  private plainLineEnd(p: number, end: number): { end: number; comment: number } {
    const { text } = this;
    let comment = -1;
    let i = p;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === COLON) {
        if (i + 1 === end || text.charCodeAt(i + 1) === SPACE) throw UNSUPPORTED;
      } else if (c === HASH && text.charCodeAt(i - 1) === SPACE) {
        comment = i;
        this.allowTabs(i + 1);
        break;
      }
    }
    while (i > p && text.charCodeAt(i - 1) === SPACE) i--;
    return { end: i, comment };
  }

  /** Offset of the quote closing the scalar opened at `p`, searched as `yaml`'s lexer does, or -1. */
  private closingQuote(p: number): number {
    const { text } = this;
    let close: number;
    if (text.charCodeAt(p) === SQUOTE) {
      close = text.indexOf("'", p + 1);
      while (close !== -1 && text.charCodeAt(close + 1) === SQUOTE) close = text.indexOf("'", close + 2);
    } else {
      close = text.indexOf('"', p + 1);
      while (close !== -1) {
        let backslashes = 0;
        while (text.charCodeAt(close - 1 - backslashes) === 92) backslashes++;
        if (backslashes % 2 === 0) break;
        close = text.indexOf('"', close + 1);
      }
    }
    return close < this.sliceEnd ? close : -1;
  }

  /** A quoted scalar value opened at offset `p` of line `li`; its next lines must be indented past `parentIndent`. */
  private quotedValue(li: number, p: number, parentIndent: number): unknown {
    const { text } = this;
    const close = this.closingQuote(p);
    if (close === -1) throw UNSUPPORTED;
    this.scalarAt(li);
    if (close < this.ends[li]) {
      const q = readQuoted(text, p, this.ends[li]);
      this.endOfValue(q.end, this.ends[li]);
      this.next = li + 1;
      return q.value;
    }
    if (parentIndent < 0) throw UNSUPPORTED;
    let lc = li + 1;
    for (; ; lc++) {
      if (lc === this.kinds.length) throw UNSUPPORTED;
      if (this.kinds[lc] !== 0 && this.indents[lc] <= parentIndent) throw UNSUPPORTED;
      if (close < this.ends[lc]) break;
    }
    const value = !this.values
      ? undefined
      : text.charCodeAt(p) === SQUOTE
        ? detached(unfoldLines(text.slice(p + 1, close)).replace(/''/g, "'"))
        : detached(doubleQuotedValue(text.slice(p, close + 1)));
    this.endOfValue(close + 1, this.ends[lc]);
    this.next = lc + 1;
    return value;
  }

  /** A flow collection (or quoted/plain scalar inside one) that closes on its line. */
  private flowNode(li: number, p: number, end: number): unknown {
    const flow = new FlowReader(this.text, p, end, this.lineOf(li), this.positions);
    const value = flow.collection();
    if (this.colonAfter(flow.p, end) !== -1) throw UNSUPPORTED;
    this.endOfValue(flow.p, end);
    this.next = li + 1;
    this.pos = flow.pos;
    return value;
  }

  /** A literal (`|`) or folded (`>`) block scalar whose header is at offset `p` of line `li`. */
  private blockScalar(li: number, p: number, parentIndent: number): unknown {
    const { text } = this;
    const end = this.ends[li];
    const folded = text.charCodeAt(p) === 62;
    let h = p + 1;
    const chomp = h < end ? text.charCodeAt(h) : 0;
    const strip = chomp === DASH;
    const keep = chomp === 43; // +
    if (strip || keep) h++;
    if (h < end) this.endOfValue(h, end);
    this.scalarAt(li);
    // Content: from the first non-blank line, every line indented at least as deep, or blank.
    let first = li + 1;
    while (first < this.kinds.length && this.kinds[first] === 0) first++;
    if (first === this.kinds.length || this.indents[first] <= parentIndent) {
      if (keep) throw UNSUPPORTED;
      this.next = li + 1;
      return "";
    }
    const indent = this.indents[first];
    for (let lj = li + 1; lj < first; lj++) if (this.ends[lj] - this.starts[lj] > indent) throw UNSUPPORTED;
    let last = first;
    let lj = first + 1;
    for (; lj < this.kinds.length; lj++) {
      if (this.kinds[lj] === 0) continue;
      if (this.indents[lj] < indent) break;
      last = lj;
    }
    if (lj < this.kinds.length && this.indents[lj] > parentIndent) throw UNSUPPORTED;
    // Blank lines after the content are kept by `yaml` when more indented than the content: rare, left to it.
    for (let k = last + 1; k < lj; k++) if (this.ends[k] - this.starts[k] > indent) throw UNSUPPORTED;
    // With `+`, a last line without a line break is counted differently: left to `yaml`.
    if (keep && lj === this.kinds.length && text.charCodeAt(this.sliceEnd - 1) !== 10) throw UNSUPPORTED;
    this.next = last + 1;
    if (this.tabsAllowedFrom) for (let k = first; k <= last; k++) if (this.kinds[k] !== 0) this.allowTabs(this.starts[k] + indent);
    if (!this.values) return undefined;
    // resolveBlockScalar, for the lines [li + 1, last].
    let value = "";
    for (let k = li + 1; k < first; k++) value += "\n";
    let sep = "";
    let prevMoreIndented = false;
    for (let k = first; k <= last; k++) {
      const s = this.starts[k];
      const e = this.ends[k];
      const lineIndent = this.kinds[k] === 0 ? e - s : this.indents[k];
      const rest = text.slice(s + Math.min(indent, lineIndent), e);
      if (!folded) {
        value += sep + rest;
        sep = "\n";
      } else if (lineIndent > indent || rest.charCodeAt(0) === 9) {
        if (sep === " ") sep = "\n";
        else if (!prevMoreIndented && sep === "\n") sep = "\n\n";
        value += sep + rest;
        sep = "\n";
        prevMoreIndented = true;
      } else if (rest === "") {
        if (sep === "\n") value += "\n";
        else sep = "\n";
      } else {
        value += sep + rest;
        sep = " ";
        prevMoreIndented = false;
      }
    }
    // Clip keeps one line break, keep every trailing one (blank lines up to the next content).
    if (keep) value += "\n".repeat(lj - last);
    else if (!strip) value += "\n";
    return detached(value);
  }
}

/** Characters that cannot start a plain scalar or key (or that start what the subset leaves to `yaml`). */
function isIndicator(text: string, c: number, p: number, end: number): boolean {
  switch (c) {
    case DASH:
    case 63: // ?
    case COLON:
      return p + 1 === end || text.charCodeAt(p + 1) === SPACE;
    case HASH:
    case 38: // &
    case 42: // *
    case 33: // !
    case 124: // |
    case 62: // >
    case DQUOTE:
    case SQUOTE:
    case 37: // %
    case 64: // @
    case 96: // `
    case 44: // ,
    case 91: // [
    case 93: // ]
    case 123: // {
    case 125: // }
      return true;
  }
  return false;
}

/** Flow collections on one line: `[a, "b", {c: d}]`, `{}`. Builds values or positions, as SubsetReader. */
class FlowReader {
  /** The position of the node read last (positions mode). */
  pos?: PositionNode;

  constructor(
    private readonly text: string,
    public p: number,
    private readonly end: number,
    private readonly line: number,
    private readonly positions: boolean,
  ) {}

  private spaces(): void {
    while (this.p < this.end && this.text.charCodeAt(this.p) === SPACE) this.p++;
  }

  collection(): unknown {
    const { text, positions } = this;
    const open = text.charCodeAt(this.p);
    const close = open === 91 ? 93 : 125;
    this.p++;
    const items: unknown[] | undefined = !positions && open === 91 ? [] : undefined;
    const map: Record<string, unknown> | undefined = !positions && open !== 91 ? {} : undefined;
    const keys: unknown[] | undefined = positions ? [] : undefined;
    const children: PositionNode[] | undefined = positions ? [] : undefined;
    this.spaces();
    if (text.charCodeAt(this.p) !== close) {
      for (;;) {
        if (open === 91) {
          const item = this.value();
          items?.push(item);
          children?.push(this.pos!);
        } else {
          const key = this.scalar(true);
          this.spaces();
          if (text.charCodeAt(this.p) !== COLON || text.charCodeAt(this.p + 1) !== SPACE) throw UNSUPPORTED;
          this.p += 2;
          this.spaces();
          const value = this.value();
          if (map) setEntry(map, keyString(key), value);
          keys?.push(key);
          children?.push(this.pos!);
        }
        this.spaces();
        const c = text.charCodeAt(this.p);
        if (c === close) break;
        if (c !== 44 || this.p >= this.end) throw UNSUPPORTED;
        this.p++;
        this.spaces();
        if (text.charCodeAt(this.p) === close) throw UNSUPPORTED;
      }
    }
    if (this.p >= this.end) throw UNSUPPORTED;
    this.p++;
    if (children) this.pos = open === 91 ? { kind: "seq", line: this.line, items: children } : { kind: "map", line: this.line, keys: keys!, values: children };
    return open === 91 ? items : map;
  }

  private value(): unknown {
    const c = this.text.charCodeAt(this.p);
    if (c === 91 || c === 123) return this.collection();
    return this.scalar(false);
  }

  /** A quoted or plain scalar inside a flow collection; a plain one must not contain `:`. Keys are always resolved. */
  private scalar(isKey: boolean): unknown {
    const { text } = this;
    const c = text.charCodeAt(this.p);
    if (this.p >= this.end) throw UNSUPPORTED;
    if (this.positions) this.pos = { kind: "scalar", line: this.line };
    if (c === DQUOTE || c === SQUOTE) {
      const q = readQuoted(text, this.p, this.end);
      this.p = q.end;
      if (!isKey) {
        let i = this.p;
        while (i < this.end && text.charCodeAt(i) === SPACE) i++;
        if (text.charCodeAt(i) === COLON) throw UNSUPPORTED;
      }
      return q.value;
    }
    switch (c) {
      case DASH:
      case 63: // ?
        if (text.charCodeAt(this.p + 1) === SPACE) throw UNSUPPORTED;
        break;
      case HASH:
      case 38: // &
      case 42: // *
      case 33: // !
      case 124: // |
      case 62: // >
      case 37: // %
      case 64: // @
      case 96: // `
      case 44: // ,
      case 91: // [
      case 93: // ]
      case 123: // {
      case 125: // }
      case COLON:
        throw UNSUPPORTED;
    }
    const start = this.p;
    let i = start;
    for (; i < this.end; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 44 || ch === 93 || ch === 125 || ch === 91 || ch === 123) break;
      if (ch === COLON) {
        if (isKey && text.charCodeAt(i + 1) === SPACE) break;
        throw UNSUPPORTED;
      }
      if (ch === HASH && text.charCodeAt(i - 1) === SPACE) throw UNSUPPORTED;
    }
    let e = i;
    while (e > start && text.charCodeAt(e - 1) === SPACE) e--;
    if (e === start) throw UNSUPPORTED;
    this.p = e;
    const source = text.slice(start, e);
    if (isKey && source === "<<") throw UNSUPPORTED;
    return isKey || !this.positions ? resolvePlain(source) : undefined;
  }
}

/** A quoted scalar that closes on its line; returns the value and the offset after the closing quote. */
function readQuoted(text: string, p: number, end: number): { value: string; end: number } {
  if (text.charCodeAt(p) === SQUOTE) {
    let i = p + 1;
    for (;;) {
      i = text.indexOf("'", i);
      if (i === -1 || i >= end) throw UNSUPPORTED;
      if (text.charCodeAt(i + 1) === SQUOTE && i + 1 < end) i += 2;
      else break;
    }
    return { value: detached(text.slice(p + 1, i).replace(/''/g, "'")), end: i + 1 };
  }
  let res = "";
  let from = p + 1;
  for (let i = p + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === DQUOTE) return { value: detached(res + text.slice(from, i)), end: i + 1 };
    if (c !== 92) continue; // backslash
    res += text.slice(from, i);
    const next = text[i + 1];
    const simple = ESCAPES[next];
    if (simple !== undefined && i + 1 < end) {
      res += simple;
      i += 1;
    } else if (next === "x" || next === "u" || next === "U") {
      const length = next === "x" ? 2 : next === "u" ? 4 : 8;
      const hex = text.substr(i + 2, length);
      if (hex.length !== length || i + 2 + length > end || !/^[0-9a-fA-F]+$/.test(hex)) throw UNSUPPORTED;
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) throw UNSUPPORTED;
      res += String.fromCodePoint(code);
      i += 1 + length;
    } else throw UNSUPPORTED;
    from = i + 1;
  }
  throw UNSUPPORTED;
}


/** `yaml`'s doubleQuotedValue for a scalar over several lines (`source` with its quotes). */
function doubleQuotedValue(source: string): string {
  let res = "";
  for (let i = 1; i < source.length - 1; ++i) {
    const ch = source[i];
    if (ch === "\r" && source[i + 1] === "\n") continue;
    if (ch === "\n") {
      let fold = "";
      let next = source[i + 1];
      while (next === " " || next === "\n" || next === "\r") {
        if (next === "\r" && source[i + 2] !== "\n") break;
        if (next === "\n") fold += "\n";
        i += 1;
        next = source[i + 1];
      }
      res += fold || " ";
    } else if (ch === "\\") {
      let next = source[++i];
      const escaped = ESCAPES[next];
      if (escaped !== undefined) res += escaped;
      else if (next === "\n") {
        next = source[i + 1];
        while (next === " ") next = source[++i + 1];
      } else if (next === "\r" && source[i + 1] === "\n") {
        next = source[++i + 1];
        while (next === " ") next = source[++i + 1];
      } else if (next === "x" || next === "u" || next === "U") {
        const length = next === "x" ? 2 : next === "u" ? 4 : 8;
        const hex = source.substr(i + 1, length);
        if (hex.length !== length || !/^[0-9a-fA-F]+$/.test(hex) || parseInt(hex, 16) > 0x10ffff) throw UNSUPPORTED;
        res += String.fromCodePoint(parseInt(hex, 16));
        i += length;
      } else throw UNSUPPORTED;
    } else if (ch === " ") {
      const wsStart = i;
      let next = source[i + 1];
      while (next === " ") next = source[++i + 1];
      if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n")) res += source.slice(wsStart, i + 1);
    } else res += ch;
  }
  return res;
}

/** One file's text, read a document at a time. */
export class YamlSubsetFile {
  /** Offsets of the characters the subset leaves to `yaml` (usually none). */
  private readonly refused: number[] = [];

  constructor(readonly text: string) {
    for (const match of text.matchAll(REFUSED_CHARACTERS)) this.refused.push(match.index);
  }

  /**
   * The document in `text[start, end)` whose first line is `firstLine`, or undefined when it is outside
   * the subset. `positions` adds the position tree the path locator walks.
   */
  read(start: number, end: number, firstLine: number, positions = false): SubsetDocument | undefined {
    const tabs = this.refused.length ? this.refusedWithin(start, end) : [];
    if (!tabs) return undefined;
    try {
      return new SubsetReader(this.text, start, end, firstLine, positions, tabs).read();
    } catch (error) {
      if (error instanceof Unsupported) return undefined;
      throw error;
    }
  }

  /** The tabs in `[start, end)`, or undefined when another refused character is there. */
  private refusedWithin(start: number, end: number): number[] | undefined {
    const { refused, text } = this;
    let low = 0;
    let high = refused.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (refused[mid] < start) low = mid + 1;
      else high = mid;
    }
    const tabs: number[] = [];
    for (let i = low; i < refused.length && refused[i] < end; i++) {
      if (text.charCodeAt(refused[i]) !== 9) return undefined;
      tabs.push(refused[i]);
    }
    return tabs;
  }
}

/** `Document.getIn(path, true)` over a position tree: the node at the path, if any. */
export function positionAt(root: PositionNode | undefined, segments: (string | number)[]): PositionNode | undefined {
  let node = root;
  for (const segment of segments) {
    if (!node) return undefined;
    if (node.kind === "map") {
      const i = node.keys.indexOf(segment);
      node = i === -1 ? undefined : node.values[i];
    } else if (node.kind === "seq") {
      let index: unknown = segment;
      if (index && typeof index === "string") index = Number(index);
      node = typeof index === "number" && Number.isInteger(index) && index >= 0 ? node.items[index] : undefined;
    } else return undefined;
  }
  return node;
}
