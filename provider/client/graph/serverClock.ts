// Microsoft Graph's clock as its answers' `Date` headers show it, against this machine's: GDAP dates Graph computes
// (a relationship's endDateTime) are counted by Graph's clock, which a sandbox can run ahead of the machine's.
// A skew is reported once (and again when it changes) as a warning the drift report reads back (clockSkewIn).
// Choice: a difference under 5 minutes is the header's 1-second resolution, latency or a machine's clock drift,
// and counts as none; nothing is reported then.

export const CLOCK_SKEW_TOLERANCE_MS = 5 * 60_000;

export interface ClockSkew {
  /** Graph's time from the Date header (ISO 8601) */
  serverTime: string;
  /** this machine's time when the answer arrived (ISO 8601) */
  localTime: string;
}

const DAY_MS = 86_400_000;
const MESSAGE = /Microsoft Graph's clock reads (\S+) while this machine's reads (\S+) /;

export const skewMs = (s: ClockSkew): number => Date.parse(s.serverTime) - Date.parse(s.localTime);

/** The warning for a skew; its two times are what clockSkewIn reads back. */
export function clockSkewMessage(s: ClockSkew): string {
  const days = skewMs(s) / DAY_MS;
  const ahead = `${Math.abs(days).toFixed(1)} days ${days >= 0 ? "ahead of" : "behind"} it`;
  return `Microsoft Graph's clock reads ${s.serverTime} while this machine's reads ${s.localTime} (${ahead}): GDAP end dates are counted by Graph's clock, in partner-center drift too.`;
}

/** The skew a clockSkewMessage in `text` states, else undefined. */
export function clockSkewIn(text: string): ClockSkew | undefined {
  const m = MESSAGE.exec(text);
  if (!m || !Number.isFinite(Date.parse(m[1])) || !Number.isFinite(Date.parse(m[2]))) return undefined;
  return { serverTime: m[1], localTime: m[2] };
}

export class ServerClock {
  private reported?: number;

  constructor(
    private readonly onSkew: (skew: ClockSkew) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one answer's Date header; reports a skew beyond the tolerance that differs from the last one reported. */
  observe(dateHeader: string | undefined): void {
    const server = dateHeader === undefined ? NaN : Date.parse(dateHeader);
    if (!Number.isFinite(server)) return;
    const local = this.now();
    const skew = server - local;
    const known = this.reported ?? 0;
    if (Math.abs(skew - known) < CLOCK_SKEW_TOLERANCE_MS) return;
    this.reported = skew;
    this.onSkew({ serverTime: new Date(server).toISOString(), localTime: new Date(local).toISOString() });
  }
}
