// Parses Retry-After: delta seconds ("57") or an HTTP date ("Wed, 21 Oct 2026 07:28:00 GMT").
// https://learn.microsoft.com/partner-center/developer/api-throttling-guidance

/** Milliseconds to wait, or undefined when the header is absent or unparsable. Dates in the past give 0. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (text === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
