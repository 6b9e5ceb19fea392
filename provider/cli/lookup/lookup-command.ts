// What every read-only lookup command shares (`customers`, `users`, `licenses`, `subscriptions`, `orders`, `roles`,
// `policies`, `gdap`): a verb (`list`, `get`, `search`), strict flags, the settings `export` takes, every page read, a
// table by default or `--output json`, and a running count on a terminal only (progress.ts).
// Choice: JSON output is the API objects as Partner Center returns them (camelCase), minus fields that can hold a
// secret (`userCredentials`, `passwordProfile`), so a script sees the same names as the REST docs.
import { parseArgs, type ParseArgsConfig } from "util";
import type { PartnerCenterClient } from "../../client";
import { UsageError, type Command, type Io } from "../command-kit";
import { progressWriter } from "../progress";
import { clientFromSettings, SETTING_OPTIONS, SETTINGS_USAGE } from "./settings";
import { renderTable, type Column } from "./table";

type Options = NonNullable<ParseArgsConfig["options"]>;
export type FlagValues = Record<string, string | boolean | undefined>;

export interface VerbContext {
  values: FlagValues;
  positionals: string[];
  client: PartnerCenterClient;
  /** Reads every item of a paged list, counting them on a terminal. */
  all<T>(noun: string, items: AsyncIterable<T>): Promise<T[]>;
}

export interface Verb<T> {
  /** e.g. "list --customer <tenant id | domain>" */
  synopsis: string;
  /** flag lines for the usage text */
  help?: string[];
  options?: Options;
  positionals?: { count: number; name: string };
  columns: Column<T>[];
  /** what an empty table says, e.g. "no users" */
  none: string;
  fetch(ctx: VerbContext): Promise<T[]>;
  /** lines printed after the table (e.g. a second table of what the rows hold); not with --output json */
  after?(rows: T[]): string[];
  /** the API objects for `--output json` when the rows wrap them (default: the rows) */
  toJson?(rows: T[]): unknown;
}

const SECRET_FIELDS = new Set(["userCredentials", "passwordProfile"]);

/** The API objects for `--output json`, without the fields that can hold a secret. */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value).flatMap(([k, v]) => (SECRET_FIELDS.has(k) ? [] : [[k, withoutSecrets(v)]])),
    );
  return value;
}

/** `--customer` as `export` takes it: a tenant id, or one of the customer's domains. */
export async function customerIdOf(ctx: VerbContext): Promise<string> {
  const ref = typeof ctx.values.customer === "string" ? ctx.values.customer.trim() : "";
  if (!ref) throw new UsageError("--customer is required: give the customer's tenant id or one of its domains");
  const { resolveCustomerId } = await import("../../spec/customer-ref");
  return resolveCustomerId(ctx.client, ref);
}

export const CUSTOMER_FLAG = {
  options: { customer: { type: "string" } } satisfies Options,
  help: "  --customer C            the customer: tenant id (GUID) or one of its domains",
};

/** A verb of any row type, for the command's table of verbs. */
export function verb<T>(v: Verb<T>): Verb<unknown> {
  return v;
}

/** The `list --customer C` verb: every item of one customer's list, read page by page as `noun`. */
export function customerListVerb<T>(v: {
  noun: string;
  columns: Column<T>[];
  none: string;
  list(client: PartnerCenterClient, customerId: string): AsyncIterable<T>;
}): Verb<unknown> {
  return verb<T>({
    synopsis: "list --customer <tenant id | domain>",
    help: [CUSTOMER_FLAG.help],
    options: CUSTOMER_FLAG.options,
    columns: v.columns,
    none: v.none,
    async fetch(ctx) {
      return ctx.all(v.noun, v.list(ctx.client, await customerIdOf(ctx)));
    },
  });
}

export function lookupCommand(name: string, summary: string, verbs: Record<string, Verb<unknown>>): Command {
  const usage = [
    ...Object.values(verbs).map((v) => `partner-center ${name} ${v.synopsis} [--output table|json] [settings]`),
    "",
    ...[...new Set(Object.values(verbs).flatMap((v) => v.help ?? []))],
    "  --output FORMAT         table (default, for people) or json (for scripts)",
    "",
    ...SETTINGS_USAGE,
  ].join("\n");
  return {
    summary,
    usage,
    async run(argv: string[], io: Io): Promise<number> {
      const [verbName, ...rest] = argv;
      const verb = verbName === undefined ? undefined : verbs[verbName];
      if (!verb)
        throw new UsageError(
          `${verbName === undefined ? "a verb is required" : `unknown verb '${verbName}'`}: use ${Object.keys(verbs).join(" or ")}`,
        );
      let values: FlagValues;
      let positionals: string[];
      try {
        ({ values, positionals } = parseArgs({
          args: rest,
          options: { ...SETTING_OPTIONS, output: { type: "string" }, ...verb.options },
          strict: true,
          allowPositionals: (verb.positionals?.count ?? 0) > 0,
        }));
      } catch (e) {
        throw new UsageError((e as Error).message);
      }
      const expected = verb.positionals?.count ?? 0;
      if (positionals.length !== expected)
        throw new UsageError(`${name} ${verbName} takes ${expected ? `one ${verb.positionals!.name}` : "no argument"}`);
      const output = values.output ?? "table";
      if (output !== "table" && output !== "json")
        throw new UsageError(`--output must be table or json, not '${String(output)}'`);

      const client = await clientFromSettings(values);
      const progress = progressWriter();
      const ctx: VerbContext = {
        values,
        positionals,
        client,
        async all<T>(noun: string, items: AsyncIterable<T>): Promise<T[]> {
          const found: T[] = [];
          for await (const item of items) {
            found.push(item);
            if (found.length % 100 === 0) progress(noun, found.length);
          }
          progress(noun, found.length, true);
          return found;
        },
      };
      const rows = await verb.fetch(ctx);
      if (output === "json") {
        io.out(JSON.stringify(withoutSecrets(verb.toJson ? verb.toJson(rows) : rows), null, 2));
        return 0;
      }
      if (rows.length === 0) {
        io.out(`(${verb.none})`);
        return 0;
      }
      for (const line of [...renderTable(verb.columns, rows), ...(verb.after?.(rows) ?? [])]) io.out(line);
      return 0;
    },
  };
}
