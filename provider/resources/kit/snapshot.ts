// Per-customer list snapshots, so that refreshing many objects is cheap.
//
// A refresh calls read() once per resource, concurrently. Without help, 200 users cost 200 GETs, and their
// role assignments another 200. Instead, reads ask the snapshot for a whole list ("users", "roles",
// "roleMembers:<roleId>", "subscribedSkus", "userLicenses:<userId>", ...) of one customer: the first caller
// loads it, concurrent callers share the same in-flight promise, and later callers reuse it until it is
// `ttlMs` old. A write in a customer invalidates that customer's lists it can change (by default all of them),
// so a read never sees a list older than this process's own last write to it.
// A failed load is forgotten at once (the next caller retries) and its error reaches every waiting caller.
// ttlMs = 0 disables sharing entirely (every get loads) — used by the benchmark's "without" run.
// It also remembers the users this process created (by POST, not adopted or restored) until it deletes them:
// such a user holds no directory role or license but the ones this process gives it, so their creates need
// not look first (a role or license create for any other user still does).
//
// Reads built on a snapshot must confirm absence with a direct GET before reporting an object gone: the
// list may predate a change made outside this process (or be eventually consistent).

export interface SnapshotOptions {
  ttlMs: number;
  now?: () => number;
}

interface Entry {
  at: number;
  value: Promise<unknown>;
}

export interface CreatedUser {
  id: string;
  userPrincipalName: string;
  displayName?: string | null;
}

export class ListSnapshot {
  private readonly customers = new Map<string, Map<string, Entry>>();
  private readonly created = new Map<string, CreatedUser>();
  private readonly now: () => number;
  /** How many loads actually ran (for tests and the benchmark). */
  loads = 0;

  constructor(private readonly options: SnapshotOptions) {
    this.now = options.now ?? Date.now;
  }

  get<T>(customerId: string, kind: string, load: () => Promise<T>): Promise<T> {
    if (this.options.ttlMs <= 0) {
      this.loads++;
      return load();
    }
    const key = customerId.toLowerCase();
    let lists = this.customers.get(key);
    if (!lists) this.customers.set(key, (lists = new Map<string, Entry>()));
    const hit = lists.get(kind);
    if (hit && this.now() - hit.at < this.options.ttlMs) return hit.value as Promise<T>;
    this.loads++;
    const value = load();
    const entry: Entry = { at: this.now(), value };
    lists.set(kind, entry);
    value.catch(() => {
      if (this.customers.get(key)?.get(kind) === entry) this.customers.get(key)!.delete(kind);
    });
    return value;
  }

  /** Forget one customer's lists of the given kinds or kind prefixes (after a write there); without kinds, all of them. */
  invalidate(customerId: string, kinds?: readonly string[]): void {
    const key = customerId.toLowerCase();
    const lists = this.customers.get(key);
    if (!lists || !kinds) return void this.customers.delete(key);
    for (const kind of [...lists.keys()]) if (kinds.some((k) => kind.startsWith(k))) lists.delete(kind);
  }

  clear(): void {
    this.customers.clear();
    this.created.clear();
  }

  rememberCreatedUser(customerId: string, user: CreatedUser): void {
    if (this.options.ttlMs > 0) this.created.set(`${customerId}/${user.id}`.toLowerCase(), user);
  }

  /** A user this process created and has not deleted, or undefined. */
  createdUser(customerId: string, userId: string): CreatedUser | undefined {
    return this.created.get(`${customerId}/${userId}`.toLowerCase());
  }

  forgetCreatedUser(customerId: string, userId: string): void {
    this.created.delete(`${customerId}/${userId}`.toLowerCase());
  }
}
