// The emulator's single store: the StoreData tree, loaded from / saved to a JSON file with atomic writes.
// A corrupt state file is an error naming the file, never a silent reset.
// Emulator choice: the idempotency cache, request log, fault rules and rate-limit windows are runtime state, not persisted.
import { existsSync, readFileSync, renameSync, writeFileSync } from "fs";
import { z } from "zod";
import type { CustomerRecord, PartnerRecord, StoreData } from "./types";

const StoreFileSchema = z.looseObject({
  version: z.literal(1),
  partners: z.array(
    z.looseObject({
      tenantId: z.string(),
      customers: z.array(z.looseObject({ id: z.string() })),
      apps: z.array(z.any()),
    }),
  ),
  selfServePolicies: z.array(z.any()),
  agreementMetadata: z.array(z.any()),
  tokenSigningKey: z.string().min(16),
  clockOffsetMs: z.number(),
});

export interface Settings {
  eventualConsistencyReads: number;
  rateLimitPerMinute: number;
}
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 500;

/** Runtime knobs with their defaults (POST /_emulator/config changes them). */
export function settingsOf(data: StoreData): Settings {
  return {
    eventualConsistencyReads: data.settings?.eventualConsistencyReads ?? 0,
    rateLimitPerMinute: data.settings?.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE,
  };
}

export class Store {
  constructor(
    public data: StoreData,
    readonly path?: string,
  ) {}

  /** Reads and checks a state file; throws an Error naming the file and the fix when it is not a valid emulator state. */
  static readFile(path: string): StoreData {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(path, "utf8"));
    } catch (e) {
      throw new Error(
        `The emulator state file ${path} is corrupt (${(e as Error).message}). Fix it or delete it to start from the seed.`,
        { cause: e },
      );
    }
    const result = StoreFileSchema.safeParse(parsed);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new Error(
        `The emulator state file ${path} is not a valid emulator state (field ${issue.path.join(".") || "(root)"}: ${issue.message}). Fix it or delete it to start from the seed.`,
      );
    }
    return parsed as StoreData;
  }

  static exists(path: string): boolean {
    return existsSync(path);
  }

  /** Writes the whole store atomically (temp file + rename); no-op without a path. */
  save(): void {
    if (!this.path) return;
    const tmp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.data), { mode: 0o600 });
    renameSync(tmp, this.path);
  }

  replace(data: StoreData): void {
    this.data = data;
    this.save();
  }

  partner(tenantId: string): PartnerRecord | undefined {
    const id = tenantId.toLowerCase();
    return this.data.partners.find((p) => p.tenantId.toLowerCase() === id);
  }

  /** The partner named by an Entra authority's tenant segment: its tenant id or one of its verified domain names. */
  partnerByAuthority(tenant: string): PartnerRecord | undefined {
    const wanted = tenant.toLowerCase();
    return (
      this.partner(wanted) ?? this.data.partners.find((p) => (p.domains ?? []).some((d) => d.toLowerCase() === wanted))
    );
  }

  /** Finds a customer in any partner (the router uses this to tell "unknown tenant" from "another partner's customer"). */
  findCustomer(customerId: string): { partner: PartnerRecord; customer: CustomerRecord } | undefined {
    const id = customerId.toLowerCase();
    for (const partner of this.data.partners) {
      const customer = partner.customers.find((c) => c.id.toLowerCase() === id);
      if (customer) return { partner, customer };
    }
    return undefined;
  }
}
