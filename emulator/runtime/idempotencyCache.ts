// Replies remembered by partner + MS-RequestId for 10 minutes, with a fingerprint of the request they answered.
import type { Reply } from "../http/types";

export const IDEMPOTENCY_WINDOW_MS = 10 * 60_000;

interface Entry {
  fingerprint: string;
  reply: Reply;
  expiresAt: number;
}

export class IdempotencyCache {
  private entries = new Map<string, Entry>();

  get(key: string, fingerprint: string, nowMs: number): Reply | undefined {
    this.prune(nowMs);
    const entry = this.entries.get(key);
    return entry && entry.fingerprint === fingerprint ? structuredClone(entry.reply) : undefined;
  }

  put(key: string, fingerprint: string, reply: Reply, nowMs: number): void {
    this.entries.delete(key);
    this.entries.set(key, { fingerprint, reply: structuredClone(reply), expiresAt: nowMs + IDEMPOTENCY_WINDOW_MS });
  }

  clear(): void {
    this.entries.clear();
  }

  private prune(nowMs: number): void {
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt > nowMs) break;
      this.entries.delete(key);
    }
  }
}
