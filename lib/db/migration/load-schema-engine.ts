import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

type SchemaEngineModule = typeof import("@prisma/schema-engine-wasm");
type SchemaEngineGlue = SchemaEngineModule & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
};

// The engine reports Rust panics through this global; without it a panic surfaces as an
// unrelated "cannot read properties of undefined" TypeError.
class WasmPanicRegistry {
  private message = "";
  get(): string {
    return this.message;
  }
  set_message(message: string): void {
    this.message = `RuntimeError: ${message}`;
  }
}

let loaded: Promise<SchemaEngineModule> | undefined;

/**
 * Loads @prisma/schema-engine-wasm by instantiating its .wasm file ourselves, so that plain
 * `node`/`tsx` (Node 20, no --experimental-wasm-modules) can run migrations.
 */
export function loadSchemaEngine(): Promise<SchemaEngineModule> {
  loaded ??= (async () => {
    const globals = globalThis as unknown as { PRISMA_WASM_PANIC_REGISTRY?: WasmPanicRegistry };
    globals.PRISMA_WASM_PANIC_REGISTRY ??= new WasmPanicRegistry();

    const require = createRequire(__filename);
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const glue = (await import(gluePath)) as SchemaEngineGlue;
    const wasmBytes = readFileSync(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(wasmBytes, {
      "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return loaded;
}

export function lastEnginePanic(): string | undefined {
  const registry = (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: WasmPanicRegistry }).PRISMA_WASM_PANIC_REGISTRY;
  const message = registry?.get();
  return message ? message : undefined;
}
