// Prisma 6.19 with the JS engine and the pg driver adapter: the Rust engines cannot be downloaded
// here, so `prisma migrate deploy` / `migrate diff` run the WASM schema engine through this adapter.
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

// The WASM schema engine reads catalog columns of PostgreSQL's `name` type (OID 19), which
// @prisma/adapter-pg 6.19 cannot map to a column type ("Column type 'name' could not be
// deserialized"). A name is text on the wire, so we relabel those result fields as text (OID 25).
const NAME_OID = 19;
const TEXT_OID = 25;
const patched = Symbol("nameAsText");

function nameAsText<T>(result: T): T {
  const fields = (result as { fields?: Array<{ dataTypeID: number }> } | undefined)?.fields;
  for (const field of fields ?? []) if (field.dataTypeID === NAME_OID) field.dataTypeID = TEXT_OID;
  return result;
}

type Queryable = { query: (...args: unknown[]) => unknown; [patched]?: true };

function patchQuery(target: Queryable): void {
  if (target[patched]) return;
  const original = target.query.bind(target);
  target.query = (...args: unknown[]) => {
    const outcome = original(...args);
    return outcome instanceof Promise ? outcome.then(nameAsText) : outcome;
  };
  target[patched] = true;
}

class NameAsTextPool extends pg.Pool {
  constructor(config: pg.PoolConfig) {
    super(config);
    patchQuery(this as unknown as Queryable);
  }
  // Transactions run on a checked-out client: patch it as well (once per pooled client).
  // @ts-expect-error -- pg's overloads: we only add behaviour to the promise form.
  override connect(callback?: (...args: unknown[]) => void) {
    if (callback) return super.connect(callback as never);
    return super.connect().then((client) => {
      patchQuery(client as unknown as Queryable);
      return client;
    });
  }
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  engine: "js",
  experimental: { adapter: true },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: run migrations through `npm run db:migrate`, which starts the embedded database");
    // The adapter only checks `instanceof pg.Pool`; our subclass passes.
    return new PrismaPg(new NameAsTextPool({ connectionString: url }) as unknown as pg.Pool, { disposeExternalPool: true });
  },
});
