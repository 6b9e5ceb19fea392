// Collects every "Emulator choice:" line from the emulator's file headers into docs/emulator-choices.md, so the
// README's list of what the emulator decided where the Partner Center docs are silent never drifts from the code.
// Run: `node dist/scripts/emulator-choices.js` (writes the file); the test suite checks it is up to date.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "fs";
import { dirname, join, relative } from "path";

/** The checkout's root: the nearest parent holding package.json (works from scripts/ and dist/scripts/). */
export function repoRoot(from = __dirname): string {
  return existsSync(join(from, "package.json")) || dirname(from) === from ? from : repoRoot(dirname(from));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith(".ts") ? [path] : [];
  });
}

/** The choices in one file's leading comment block; a choice runs on until the next choice or the header's end. */
export function choicesIn(text: string): string[] {
  const choices: string[] = [];
  for (const line of text.split("\n")) {
    if (!line.startsWith("//")) break;
    const body = line.replace(/^\/\/\s?/, "");
    const start = /^Emulator choice[^:]*:\s*(.*)$/.exec(body);
    if (start) choices.push(start[1].trim());
    else if (body.trim() && choices.length > 0) choices[choices.length - 1] += " " + body.trim();
  }
  return choices;
}

export function renderChoices(root: string): string {
  const lines = [
    "# Emulator choices",
    "",
    "Where the Partner Center documentation is silent or contradicts itself, the emulator had to choose. Every such",
    "choice is written in the header of the file that implements it; this page is generated from those headers",
    "(`node dist/scripts/emulator-choices.js`) and a test keeps it up to date.",
    "",
  ];
  for (const file of sourceFiles(join(root, "emulator"))) {
    const choices = choicesIn(readFileSync(file, "utf8"));
    if (choices.length === 0) continue;
    lines.push(`## \`${relative(root, file)}\``, "", ...choices.map((c) => `- ${c}`), "");
  }
  return lines.join("\n");
}

export const CHOICES_DOC = "docs/emulator-choices.md";

if (require.main === module) {
  writeFileSync(join(repoRoot(), CHOICES_DOC), renderChoices(repoRoot()));
  console.log(`wrote ${CHOICES_DOC}`);
}
