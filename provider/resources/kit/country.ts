// ISO 3166-1 alpha-2 country codes, as Partner Center's usageLocation and address country, from Node's ICU (no table
// of countries here): a code is a country when ICU names the region, the code is its canonical form (not a
// withdrawn code such as UK or YU), and ISO does not keep it out of the list of countries.
// https://www.iso.org/iso-3166-country-codes.html

const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });

/** Codes ISO reserves outside the list of countries: user-assigned ranges and "exceptionally reserved" codes (EU, UN, ...). */
const NOT_A_COUNTRY = /^(AA|Q[M-Z]|X[A-Z]|ZZ|AC|CP|CQ|DG|EA|EU|EZ|IC|TA|UN)$/;

export interface CountryVerdict {
  ok: boolean;
  /** The current code of a withdrawn one (UK -> GB), when ICU knows it. */
  replacement?: string;
}

export function countryVerdict(code: string): CountryVerdict {
  const c = code.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(c) || NOT_A_COUNTRY.test(c) || !regionNames.of(c)) return { ok: false };
  const canonical = new Intl.Locale(Intl.getCanonicalLocales(`und-${c}`)[0]).region;
  if (canonical && canonical !== c) return { ok: false, replacement: canonical };
  return { ok: true };
}

export const isCountryCode = (code: string): boolean => countryVerdict(code).ok;

/** The zod refinement message for a code that is not a country (empty when it is one). */
export function countryProblem(code: string, fix: string): string | undefined {
  const v = countryVerdict(code);
  if (v.ok) return undefined;
  if (v.replacement)
    return `${code} is a withdrawn country code; the current one is ${v.replacement}. Fix: write ${v.replacement}`;
  return `${code} is not an ISO 3166-1 alpha-2 country code. Fix: ${fix}`;
}
