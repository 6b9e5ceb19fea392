// Generated initial passwords for new users: 20 characters from a cryptographic RNG, always with upper and
// lower case letters, digits and symbols (Entra's complexity rule needs three of the four classes).

import { randomInt } from "crypto";

const UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
const LOWER = "abcdefghijkmnopqrstuvwxyz";
const DIGITS = "23456789";
const SYMBOLS = "!#$%*+-=?@^_";

export function generatePassword(length = 20, pick: (max: number) => number = randomInt): string {
  const all = UPPER + LOWER + DIGITS + SYMBOLS;
  const chars = [UPPER, LOWER, DIGITS, SYMBOLS].map((set) => set[pick(set.length)]);
  while (chars.length < length) chars.push(all[pick(all.length)]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = pick(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join("");
}
