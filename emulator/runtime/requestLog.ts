// The request log behind GET /_emulator/requests: one entry per API or token request, newest last, bounded.
// Never holds authorization headers or bodies; query parameters that look like credentials are masked.

export interface RequestLogEntry {
  seq: number;
  time: string;
  method: string;
  path: string;
  query: string;
  status: number;
  requestId: string;
  correlationId: string;
  partnerId: string | null;
  customerId: string | null;
  replayed: boolean;
  /** id of the fault rule that fired, and the latency it injected */
  faultId?: string;
  latencyMs?: number;
  /** true when the socket was destroyed instead of answering (status is then 0) */
  reset?: boolean;
}

const SECRET_QUERY = /secret|token|password|assertion|code|key|sig/i;

export function maskQuery(query: URLSearchParams): string {
  const masked = new URLSearchParams();
  for (const [k, v] of query) masked.append(k, SECRET_QUERY.test(k) ? "***" : v);
  return masked.toString();
}

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private seq = 0;
  constructor(private readonly max = 50_000) {}

  add(entry: Omit<RequestLogEntry, "seq">): RequestLogEntry {
    const full = { seq: ++this.seq, ...entry };
    this.entries.push(full);
    if (this.entries.length > this.max) this.entries.splice(0, this.entries.length - this.max);
    return full;
  }

  since(seq = 0): RequestLogEntry[] {
    return this.entries.filter((e) => e.seq > seq);
  }

  clear(): void {
    this.entries = [];
  }
}
