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

// Entra ID's password rule (https://learn.microsoft.com/entra/identity/authentication/concept-password-ban-bad-combined-policy):
// 8 to 256 characters; three of lower case, upper case, digits, symbols; only the listed ASCII symbols and spaces.
const ALLOWED = /^[A-Za-z0-9@#$%^&*\-_!+=[\]{}|\\:',.?/`~"();<> ]*$/;
const CLASSES = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/];
export const PASSWORD_RULE =
  "use 8 to 256 characters with three of: lower case, upper case, digits, symbols (letters A-Z, digits, spaces and @ # $ % ^ & * - _ ! + = [ ] { } | \\ : ' , . ? / ` ~ \" ( ) ; < > only)";

/** What is wrong with a password under Entra's rule, without repeating any of it; undefined when it is fine. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < 8) return "is too short";
  if (password.length > 256) return "is too long";
  if (!ALLOWED.test(password))
    return "has a character Entra ID does not allow (only ASCII letters, digits, spaces and the listed symbols)";
  if (CLASSES.filter((re) => re.test(password)).length < 3)
    return "has too few kinds of characters (it needs three of: lower case, upper case, digits, symbols)";
  return undefined;
}
