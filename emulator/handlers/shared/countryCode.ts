// ISO 3166-1 alpha-2 country codes, from Node's ICU rather than a hand-kept table.
// Emulator choice: a country or usageLocation must be an assigned ISO 3166-1 alpha-2 code (249 of them): ICU's region
//   codes that are canonical (not aliases such as UK), minus the user-assigned (AA, QM-QZ, XA-XZ, ZZ), the
//   exceptionally reserved (AC, CP, CQ, DG, EA, IC, TA) and the groupings EU, EZ and UN; case-insensitive.
const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
const NOT_COUNTRIES = new Set(["AC", "CP", "CQ", "DG", "EA", "IC", "TA", "EU", "EZ", "UN"]);

export function isCountryCode(value: string): boolean {
  const code = value.toUpperCase();
  if (!/^[A-Z]{2}$/.test(code) || NOT_COUNTRIES.has(code) || /^(AA|Q[M-Z]|X[A-Z]|ZZ)$/.test(code)) return false;
  if (regionNames.of(code) === undefined) return false;
  return Intl.getCanonicalLocales(`und-${code}`)[0] === `und-${code}`;
}
