// Renders a Helm chart the way `helm template` does, for the subset of Go text/template and Sprig the
// Shipshape chart uses — there is no helm binary on the test machines. Semantics follow Go and Helm:
// `{{-`/`-}}` trim whitespace, missing values print as nothing, `and`/`or` return the deciding
// operand, `toYaml` sorts map keys and drops its final newline, `include` renders a `define`,
// variables are block-scoped and `$` is the root context. Anything outside the subset is an error
// (never silently wrong): an unknown function, an unclosed block, a stray `end`.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";

type Value = unknown;
type Node =
  | { type: "text"; text: string }
  | { type: "action"; pipe: Pipeline }
  | { type: "if"; branches: { cond: Pipeline; body: Node[] }[]; otherwise?: Node[] }
  | { type: "with"; pipe: Pipeline; body: Node[]; otherwise?: Node[] }
  | { type: "range"; vars: string[]; pipe: Pipeline; body: Node[]; otherwise?: Node[] };
interface Pipeline {
  decl?: { vars: string[]; assign: boolean };
  commands: Operand[][];
}
type Operand =
  | { kind: "field"; base: "dot" | string; path: string[] }
  | { kind: "literal"; value: Value }
  | { kind: "ident"; name: string }
  | { kind: "sub"; pipe: Pipeline };

export class TemplateError extends Error {}

// ---- lexing: text and actions, with trim markers and comments ---------------------------------

interface Token {
  text?: string;
  action?: string;
}

function lex(source: string, name: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let trimNext = false;
  while (i < source.length) {
    const open = source.indexOf("{{", i);
    let text = source.slice(i, open < 0 ? source.length : open);
    if (trimNext) text = text.replace(/^\s+/, "");
    trimNext = false;
    if (open < 0) {
      if (text) tokens.push({ text });
      break;
    }
    let start = open + 2;
    if (/^-\s/.test(source.slice(start, start + 2))) {
      text = text.replace(/\s+$/, "");
      start += 1;
    }
    if (text) tokens.push({ text });
    const close = source.indexOf("}}", start);
    if (close < 0) throw new TemplateError(`${name}: unclosed action`);
    let end = close;
    let body = source.slice(start, close);
    if (/\s-$/.test(body)) {
      body = body.slice(0, -1);
      trimNext = true;
    }
    end = close + 2;
    body = body.trim();
    if (!(body.startsWith("/*") && body.endsWith("*/"))) tokens.push({ action: body });
    i = end;
  }
  return tokens;
}

// ---- parsing actions into pipelines ---------------------------------------------------------------

function tokenizeAction(src: string): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== '"') j += src[j] === "\\" ? 2 : 1;
      words.push(src.slice(i, j + 1));
      i = j + 1;
    } else if (c === "`") {
      const j = src.indexOf("`", i + 1);
      words.push(src.slice(i, j + 1));
      i = j + 1;
    } else if ("()|,".includes(c)) {
      words.push(c);
      i++;
    } else if (src.startsWith(":=", i)) {
      words.push(":=");
      i += 2;
    } else if (c === "=") {
      words.push("=");
      i++;
    } else {
      let j = i;
      while (j < src.length && !/[\s()|,=]/.test(src[j]) && !src.startsWith(":=", j)) j++;
      words.push(src.slice(i, j));
      i = j;
    }
  }
  return words;
}

function parseOperand(word: string): Operand {
  if (word.startsWith('"')) return { kind: "literal", value: JSON.parse(word) };
  if (word.startsWith("`")) return { kind: "literal", value: word.slice(1, -1) };
  if (/^-?\d+(\.\d+)?$/.test(word)) return { kind: "literal", value: Number(word) };
  if (word === "true" || word === "false") return { kind: "literal", value: word === "true" };
  if (word === "nil") return { kind: "literal", value: null };
  if (word === ".") return { kind: "field", base: "dot", path: [] };
  if (word.startsWith(".")) return { kind: "field", base: "dot", path: word.slice(1).split(".") };
  if (word.startsWith("$")) {
    const [base, ...rest] = word.split(".");
    return { kind: "field", base, path: rest };
  }
  if (/^[A-Za-z_]\w*$/.test(word)) return { kind: "ident", name: word };
  throw new TemplateError(`cannot parse "${word}"`);
}

function parsePipeline(words: string[]): Pipeline {
  const pipeline: Pipeline = { commands: [] };
  const declAt = words.findIndex((w) => w === ":=" || w === "=");
  if (declAt > 0 && words.slice(0, declAt).every((w) => w.startsWith("$") || w === ",")) {
    pipeline.decl = { vars: words.slice(0, declAt).filter((w) => w !== ","), assign: words[declAt] === "=" };
    words = words.slice(declAt + 1);
  }
  let command: Operand[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === "|") {
      pipeline.commands.push(command);
      command = [];
    } else if (w === "(") {
      let depth = 1;
      let j = i + 1;
      for (; j < words.length && depth; j++) depth += words[j] === "(" ? 1 : words[j] === ")" ? -1 : 0;
      command.push({ kind: "sub", pipe: parsePipeline(words.slice(i + 1, j - 1)) });
      i = j - 1;
    } else {
      command.push(parseOperand(w));
    }
  }
  pipeline.commands.push(command);
  if (pipeline.commands.some((c) => c.length === 0)) throw new TemplateError(`empty command in "${words.join(" ")}"`);
  return pipeline;
}

interface Parsed {
  nodes: Node[];
  defines: Map<string, Node[]>;
}

function parse(tokens: Token[], name: string, defines: Map<string, Node[]>): Node[] {
  let pos = 0;
  const block = (terminators: string[]): { nodes: Node[]; end: string } => {
    const nodes: Node[] = [];
    while (pos < tokens.length) {
      const token = tokens[pos++];
      if (token.text !== undefined) {
        nodes.push({ type: "text", text: token.text });
        continue;
      }
      const src = token.action!;
      const keyword = src.split(/\s+/)[0];
      if (terminators.includes(keyword) || (keyword === "else" && terminators.includes("else"))) return { nodes, end: src };
      if (keyword === "if") {
        const branches = [{ cond: parsePipeline(tokenizeAction(src.slice(2))), body: [] as Node[] }];
        let otherwise: Node[] | undefined;
        for (;;) {
          const inner = block(["end", "else"]);
          if (otherwise) otherwise.push(...inner.nodes);
          else branches[branches.length - 1].body = inner.nodes;
          if (inner.end === "end") break;
          const rest = inner.end.slice(4).trim();
          if (rest.startsWith("if ")) branches.push({ cond: parsePipeline(tokenizeAction(rest.slice(3))), body: [] });
          else otherwise = [];
        }
        nodes.push({ type: "if", branches, otherwise });
      } else if (keyword === "with" || keyword === "range") {
        const words = tokenizeAction(src.slice(keyword.length));
        const pipe = parsePipeline(words);
        const inner = block(["end", "else"]);
        let otherwise: Node[] | undefined;
        if (inner.end !== "end") otherwise = block(["end"]).nodes;
        if (keyword === "with") nodes.push({ type: "with", pipe, body: inner.nodes, otherwise });
        else nodes.push({ type: "range", vars: pipe.decl?.vars ?? [], pipe: { commands: pipe.commands }, body: inner.nodes, otherwise });
      } else if (keyword === "define") {
        const defineName = JSON.parse(src.slice(6).trim());
        defines.set(defineName, block(["end"]).nodes);
      } else if (keyword === "end" || keyword === "else") {
        throw new TemplateError(`${name}: unexpected {{ ${src} }}`);
      } else {
        nodes.push({ type: "action", pipe: parsePipeline(tokenizeAction(src)) });
      }
    }
    if (terminators.length) throw new TemplateError(`${name}: missing {{ end }}`);
    return { nodes, end: "" };
  };
  return block([]).nodes;
}

// ---- evaluation ---------------------------------------------------------------------------------

function truthy(v: Value): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === "") return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === "object") return Object.keys(v as object).length > 0;
  return true;
}

function printValue(v: Value): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `[${v.map(printValue).join(" ")}]`;
  return `map[${Object.keys(v as object).sort().map((k) => `${k}:${printValue((v as Record<string, Value>)[k])}`).join(" ")}]`;
}

/** Helm's toYaml: sigs.k8s.io/yaml (map keys sorted, sequences not indented), final newline removed. */
export function toYaml(v: Value): string {
  if (v === null || v === undefined) return "null";
  return stringifyYaml(v, { sortMapEntries: true, indentSeq: false, lineWidth: 0 }).replace(/\n$/, "");
}

function indentLines(text: string, n: number): string {
  const pad = " ".repeat(n);
  return text
    .split("\n")
    .map((l) => pad + l)
    .join("\n");
}

function semverCompare(constraint: string, version: string): boolean {
  const m = constraint.trim().match(/^(>=|<=|>|<|=)?\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(-0)?$/);
  const v = version.match(/^v?(\d+)\.(\d+)(?:\.(\d+))?/);
  if (!m || !v) throw new TemplateError(`semverCompare: cannot read "${constraint}" / "${version}"`);
  const a = [Number(v[1]), Number(v[2]), Number(v[3] ?? 0)];
  const b = [Number(m[2]), Number(m[3] ?? 0), Number(m[4] ?? 0)];
  const cmp = a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
  return { ">=": cmp >= 0, "<=": cmp <= 0, ">": cmp > 0, "<": cmp < 0, "=": cmp === 0 }[m[1] ?? "="]!;
}

function sprintf(format: string, args: Value[]): string {
  let i = 0;
  return format.replace(/%([sdvq%])/g, (_, verb: string) => {
    if (verb === "%") return "%";
    const arg = args[i++];
    if (verb === "q") return JSON.stringify(printValue(arg));
    return printValue(arg);
  });
}

type Scope = Map<string, Value>[];

export interface ChartContext {
  Values: Record<string, Value>;
  Release: { Name: string; Namespace: string; Service: string; IsInstall: boolean };
  Chart: { Name: string; Version: string; AppVersion: string };
  Capabilities: { KubeVersion: { Version: string } };
  Template: { BasePath: string; Name?: string };
}

export class ChartRenderer {
  private readonly defines = new Map<string, Node[]>();
  private readonly templates = new Map<string, Node[]>();

  constructor(files: Record<string, string>) {
    for (const [name, source] of Object.entries(files)) this.templates.set(name, parse(lex(source, name), name, this.defines));
  }

  templateNames(): string[] {
    return [...this.templates.keys()];
  }

  render(name: string, context: Value): string {
    const nodes = this.templates.get(name) ?? this.defines.get(name);
    if (!nodes) throw new TemplateError(`no template "${name}"`);
    return this.exec(nodes, context, [new Map([["$", context]])]);
  }

  private exec(nodes: Node[], dot: Value, scope: Scope): string {
    let out = "";
    for (const node of nodes) {
      switch (node.type) {
        case "text":
          out += node.text;
          break;
        case "action": {
          const value = this.pipeline(node.pipe, dot, scope);
          if (!node.pipe.decl) out += printValue(value);
          break;
        }
        case "if": {
          const branch = node.branches.find((b) => truthy(this.pipeline(b.cond, dot, scope)));
          if (branch) out += this.exec(branch.body, dot, [...scope, new Map()]);
          else if (node.otherwise) out += this.exec(node.otherwise, dot, [...scope, new Map()]);
          break;
        }
        case "with": {
          const inner: Scope = [...scope, new Map()];
          const value = this.pipeline(node.pipe, dot, inner);
          if (truthy(value)) out += this.exec(node.body, value, inner);
          else if (node.otherwise) out += this.exec(node.otherwise, dot, inner);
          break;
        }
        case "range": {
          const value = this.pipeline(node.pipe, dot, scope);
          const entries: [Value, Value][] = Array.isArray(value)
            ? value.map((v, i) => [i, v])
            : value && typeof value === "object"
              ? Object.keys(value).sort().map((k) => [k, (value as Record<string, Value>)[k]])
              : [];
          if (!entries.length && node.otherwise) out += this.exec(node.otherwise, dot, [...scope, new Map()]);
          for (const [key, item] of entries) {
            const frame = new Map<string, Value>();
            if (node.vars.length === 1) frame.set(node.vars[0], item);
            if (node.vars.length === 2) {
              frame.set(node.vars[0], key);
              frame.set(node.vars[1], item);
            }
            out += this.exec(node.body, item, [...scope, frame]);
          }
          break;
        }
      }
    }
    return out;
  }

  private pipeline(pipe: Pipeline, dot: Value, scope: Scope): Value {
    let value: Value = undefined;
    pipe.commands.forEach((command, i) => {
      value = this.command(command, dot, scope, i === 0 ? [] : [value]);
    });
    if (pipe.decl) {
      for (const name of pipe.decl.vars) {
        if (pipe.decl.assign) {
          const frame = [...scope].reverse().find((f) => f.has(name));
          if (!frame) throw new TemplateError(`assignment to undeclared ${name}`);
          frame.set(name, value);
        } else scope[scope.length - 1].set(name, value);
      }
    }
    return value;
  }

  private operand(op: Operand, dot: Value, scope: Scope): Value {
    switch (op.kind) {
      case "literal":
        return op.value;
      case "sub":
        return this.pipeline(op.pipe, dot, scope);
      case "ident":
        return this.call(op.name, [], dot);
      case "field": {
        let base: Value;
        if (op.base === "dot") base = dot;
        else {
          const frame = [...scope].reverse().find((f) => f.has(op.base));
          if (!frame) throw new TemplateError(`undefined variable ${op.base}`);
          base = frame.get(op.base);
        }
        for (const key of op.path) {
          if (base === null || base === undefined) return undefined;
          if (typeof base !== "object") throw new TemplateError(`cannot read .${key} of ${printValue(base)}`);
          base = (base as Record<string, Value>)[key];
        }
        return base;
      }
    }
  }

  private command(command: Operand[], dot: Value, scope: Scope, piped: Value[]): Value {
    const [head, ...rest] = command;
    if (head.kind === "ident") {
      if (head.name === "and" || head.name === "or") {
        const operands = [...rest.map((r) => () => this.operand(r, dot, scope)), ...piped.map((p) => () => p)];
        let last: Value;
        for (const get of operands) {
          last = get();
          if (head.name === "and" ? !truthy(last) : truthy(last)) return last;
        }
        return last;
      }
      return this.call(head.name, [...rest.map((r) => this.operand(r, dot, scope)), ...piped], dot);
    }
    if (rest.length || piped.length) throw new TemplateError("only functions take arguments");
    return this.operand(head, dot, scope);
  }

  private call(name: string, args: Value[], dot: Value): Value {
    const str = (v: Value) => printValue(v);
    const list = (v: Value): Value[] => (Array.isArray(v) ? v : v === null || v === undefined ? [] : (() => { throw new TemplateError(`${name}: not a list`); })());
    switch (name) {
      case "include":
        return this.render(str(args[0]), args[1]);
      case "print":
        return args.map(str).join("");
      case "printf":
        return sprintf(str(args[0]), args.slice(1));
      case "quote":
        return args.map((a) => JSON.stringify(str(a))).join(" ");
      case "lower":
        return str(args[0]).toLowerCase();
      case "toString":
        return str(args[0]);
      case "default":
        return truthy(args[1]) ? args[1] : args[0];
      case "required":
        if (args[1] === null || args[1] === undefined || args[1] === "") throw new TemplateError(`required: ${str(args[0])}`);
        return args[1];
      case "fail":
        throw new TemplateError(`fail: ${str(args[0])}`);
      case "trunc":
        return str(args[1]).slice(0, Number(args[0]));
      case "trimSuffix":
        return str(args[1]).endsWith(str(args[0])) ? str(args[1]).slice(0, -str(args[0]).length || undefined) : str(args[1]);
      case "contains":
        return str(args[1]).includes(str(args[0]));
      case "hasPrefix":
        return str(args[1]).startsWith(str(args[0]));
      case "replace":
        return str(args[2]).split(str(args[0])).join(str(args[1]));
      case "b64enc":
        return Buffer.from(str(args[0]), "utf8").toString("base64");
      case "sha256sum":
        return createHash("sha256").update(str(args[0])).digest("hex");
      case "nindent":
        return `\n${indentLines(str(args[1]), Number(args[0]))}`;
      case "indent":
        return indentLines(str(args[1]), Number(args[0]));
      case "toYaml":
        return toYaml(args[0]);
      case "eq":
        return args.slice(1).some((a) => a === args[0]);
      case "ne":
        return args[0] !== args[1];
      case "not":
        return !truthy(args[0]);
      case "list":
        return [...args];
      case "dict": {
        const out: Record<string, Value> = {};
        for (let i = 0; i < args.length; i += 2) out[str(args[i])] = args[i + 1];
        return out;
      }
      case "has":
        return list(args[1]).includes(args[0]);
      case "append":
        return [...list(args[0]), args[1]];
      case "concat":
        return args.flatMap(list);
      case "uniq":
        return [...new Set(list(args[0]))];
      case "join":
        return list(args[1]).map(str).join(str(args[0]));
      case "splitList":
        return str(args[1]).split(str(args[0]));
      case "semverCompare":
        return semverCompare(str(args[0]), str(args[1]));
      default:
        void dot;
        throw new TemplateError(`function "${name}" is not supported by the test renderer`);
    }
  }
}

function mergeValues(base: Value, overlay: Value): Value {
  if (overlay && typeof overlay === "object" && !Array.isArray(overlay) && base && typeof base === "object" && !Array.isArray(base)) {
    const out: Record<string, Value> = { ...(base as Record<string, Value>) };
    for (const [k, v] of Object.entries(overlay)) out[k] = mergeValues(out[k], v);
    return out;
  }
  return overlay === undefined ? base : overlay;
}

export interface RenderOptions {
  releaseName?: string;
  namespace?: string;
  kubeVersion?: string;
  values?: Record<string, Value>;
}

/** `helm template`: every non-partial template rendered, as YAML documents (empty ones dropped). */
export function renderChart(
  chartDir: string,
  options: RenderOptions = {},
): { documents: Record<string, Value>[]; files: Record<string, string>; notes?: string } {
  const chart = parseYaml(fs.readFileSync(path.join(chartDir, "Chart.yaml"), "utf8"));
  const defaults = parseYaml(fs.readFileSync(path.join(chartDir, "values.yaml"), "utf8"));
  const base = `${chart.name}/templates`;
  const sources: Record<string, string> = {};
  for (const file of fs.readdirSync(path.join(chartDir, "templates")).sort()) {
    sources[`${base}/${file}`] = fs.readFileSync(path.join(chartDir, "templates", file), "utf8");
  }
  const renderer = new ChartRenderer(sources);
  const context: ChartContext = {
    Values: mergeValues(defaults, options.values ?? {}) as Record<string, Value>,
    Release: { Name: options.releaseName ?? chart.name, Namespace: options.namespace ?? "default", Service: "Helm", IsInstall: true },
    Chart: { Name: chart.name, Version: chart.version, AppVersion: chart.appVersion },
    Capabilities: { KubeVersion: { Version: options.kubeVersion ?? "v1.31.0" } },
    Template: { BasePath: base },
  };
  const files: Record<string, string> = {};
  const documents: Record<string, Value>[] = [];
  for (const name of renderer.templateNames()) {
    const file = path.basename(name);
    if (file.startsWith("_") || !/\.ya?ml$/.test(file)) continue;
    const text = renderer.render(name, context);
    files[file] = text;
    for (const doc of text.split(/^---\s*$/m)) {
      if (!doc.trim()) continue;
      const value = parseYaml(doc);
      if (value !== null && value !== undefined) documents.push(value as Record<string, Value>);
    }
  }
  const notesName = `${base}/NOTES.txt`;
  const notes = renderer.templateNames().includes(notesName) ? renderer.render(notesName, context) : undefined;
  return { documents, files, notes };
}
