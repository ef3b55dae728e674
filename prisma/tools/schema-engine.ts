// Prisma's schema engine as WebAssembly (@prisma/schema-engine-wasm), for offline migration
// authoring: the CLI's native engine cannot be downloaded on these machines. Only
// prisma/tools/make-migration.ts uses it; applying migrations needs no engine (tools/migrate.ts).
//
// Two workarounds, both for @prisma/adapter-pg 7.10.x (re-check them when upgrading it):
// - pg reports `"char"` columns (pg_catalog's relkind, contype, …) with OID 18, which the adapter
//   cannot map ("Column type 'char' could not be deserialized"), and every introspection reads such
//   columns. The adapters handed to the engine report OID 18 as text (25); the values are strings.
// - The adapter's own shadow database is broken (it can end up pointing at the main database and
//   leaks the database it creates), so the factory refuses to make one. Nothing here needs it:
//   make-migration diffs against a temporary database that it migrates itself.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type {
  SchemaContainer,
  SchemaEngine,
  SchemaFilter,
} from "@prisma/schema-engine-wasm/schema_engine_bg";

export type {
  DiffParams,
  DiffResult,
  DiffTarget,
  SchemaContainer,
  SchemaEngine,
} from "@prisma/schema-engine-wasm/schema_engine_bg";

/** No externally managed tables or enums. */
export const NO_FILTERS: SchemaFilter = { externalTables: [], externalEnums: [] };

type EngineModule = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

let enginePromise: Promise<EngineModule> | undefined;

/**
 * The wasm-bindgen module, instantiated once per process. The package's entry point imports the
 * .wasm file as an ES module (bundler style), which Node cannot do, so instantiate it by hand.
 */
export function loadSchemaEngineModule(): Promise<EngineModule> {
  enginePromise ??= (async () => {
    const require = createRequire(import.meta.url);
    // "./package.json" is not exported; the bindings file is, and the .wasm sits beside it.
    const bindingsPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bindings: EngineModule = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmBytes = readFileSync(path.join(path.dirname(bindingsPath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(wasmBytes, {
      "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return bindings;
  })();
  return enginePromise;
}

export interface OpenedSchemaEngine {
  engine: SchemaEngine;
  /** Frees the engine and closes every pool it opened. */
  close(): Promise<void>;
}

export interface OpenSchemaEngineOptions {
  /** The database the engine connects to (`schemaDatasource` diffs introspect it). */
  databaseUrl: string;
  /** The Prisma schema file(s) the engine is constructed with. */
  schemaFiles: SchemaContainer[];
  /** Receives the engine's log lines; dropped when absent. */
  log?: (line: string) => void;
}

export async function openSchemaEngine(options: OpenSchemaEngineOptions): Promise<OpenedSchemaEngine> {
  const bindings = await loadSchemaEngineModule();
  const base = new PrismaPg({ connectionString: options.databaseUrl });
  const opened: SqlDriverAdapter[] = [];
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: "postgres",
    adapterName: base.adapterName,
    async connect() {
      const adapter = await base.connect();
      opened.push(adapter);
      return patchCharOid(adapter);
    },
    async connectToShadowDb() {
      throw new Error(
        "the schema engine asked for a shadow database, which these tools do not provide " +
          "(diff against a migrated temporary database instead)",
      );
    },
  };
  const log = options.log;
  const engine = await bindings.SchemaEngine.new(
    { datamodels: options.schemaFiles.map((file) => [file.path, file.content]) },
    (line: unknown) => log?.(String(line)),
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  return {
    engine,
    async close() {
      engine.free();
      await Promise.allSettled(opened.splice(0).map((adapter) => adapter.dispose()));
    },
  };
}

/** The engine's errors arrive as objects or strings; make them an Error with a readable message. */
export function engineError(context: string, error: unknown): Error {
  if (error instanceof Error) return new Error(`${context}: ${error.message}`, { cause: error });
  if (typeof error === "string") return new Error(`${context}: ${error}`);
  let text: string;
  try {
    text = JSON.stringify(error);
  } catch {
    text = String(error);
  }
  return new Error(`${context}: ${text}`, { cause: error });
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

interface PerformIoResult {
  fields?: { dataTypeID: number }[];
}
type PerformIo = (this: unknown, query: unknown) => Promise<PerformIoResult | undefined>;

/**
 * Wraps the adapter's private `performIO` (per object, not on the shared prototype, so a
 * PrismaClient in the same process is unaffected) and does the same for its transactions.
 */
function patchCharOid<T extends object>(queryable: T): T {
  const target = queryable as T & {
    performIO?: PerformIo;
    startTransaction?: (...args: unknown[]) => unknown;
  };
  const original = target.performIO;
  if (typeof original !== "function") {
    throw new Error(
      "@prisma/adapter-pg no longer has performIO; the char-OID workaround in prisma/tools/schema-engine.ts needs updating",
    );
  }
  target.performIO = async function (this: unknown, query: unknown) {
    const result = await original.call(this, query);
    for (const field of result?.fields ?? []) {
      if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    }
    return result;
  };
  const startTransaction = target.startTransaction;
  if (typeof startTransaction === "function") {
    target.startTransaction = async function (this: unknown, ...args: unknown[]) {
      const transaction = await startTransaction.apply(this, args);
      return transaction && typeof transaction === "object" ? patchCharOid(transaction) : transaction;
    };
  }
  return queryable;
}
