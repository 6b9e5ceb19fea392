import { strict as assert } from "assert";
import { readFileSync } from "fs";
import { join } from "path";
import { CHOICES_FILE, choicesBlockOf, choicesIn, renderChoices, repoRoot } from "../../scripts/emulator-choices";

describe("scripts/emulator-choices", () => {
  it("joins continuation lines and stops at the end of the header comment", () => {
    const text = [
      "// Users handler.",
      "// Emulator choice: first part",
      "//   and its continuation,",
      "// on two lines.",
      "// Emulator choice (undocumented): second.",
      "import x from 'y';",
      "// Emulator choice: not in the header",
    ].join("\n");
    assert.deepEqual(choicesIn(text), ["first part and its continuation, on two lines.", "second."]);
  });

  it("the README's emulator section lists every choice written in the emulator's headers", () => {
    const root = repoRoot(__dirname);
    const block = choicesBlockOf(readFileSync(join(root, CHOICES_FILE), "utf8"));
    assert.ok(block, "README.md has the generated emulator-choices block");
    assert.equal(
      block,
      renderChoices(root),
      "the README's emulator choices are stale: run `npm run build && node dist/scripts/emulator-choices.js`",
    );
    assert.match(block, /409\/60018/, "the users handler's duplicate-UPN choice is listed");
  });
});
