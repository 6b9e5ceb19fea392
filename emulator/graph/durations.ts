// ISO 8601 durations as the GDAP properties use them: `duration` P1D..P2Y and `autoExtendDuration` PT0S/P0D/P180D.
// Emulator choice: `duration` accepts whole days (`P<n>D`), weeks (`P<n>W`) or years (`P1Y`, `P2Y`; a year is 365
// days); months and time parts are refused as ambiguous. The range is 1 to 730 days inclusive.
export const DAY_MS = 86_400_000;
export const MAX_DURATION_DAYS = 730;
export const AUTO_EXTEND_VALUES = ["PT0S", "P0D", "P180D"];
export const AUTO_EXTEND_DAYS = 180;

/** Days of a `duration`, or undefined when the text is not a form this emulator reads. */
export function durationDays(text: string): number | undefined {
  const m = /^P(?:(\d+)D|(\d+)W|(\d+)Y)$/.exec(text);
  if (!m) return undefined;
  if (m[1]) return Number(m[1]);
  if (m[2]) return Number(m[2]) * 7;
  return Number(m[3]) * 365;
}

export const addDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY_MS).toISOString();
