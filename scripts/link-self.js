#!/usr/bin/env node
// Makes `require("pulumi-partner-center/...")` resolve inside this checkout, as it does in a user's
// project after `npm install pulumi-partner-center`. The serialized Pulumi provider shim resolves the
// package from the plugin's cwd `node_modules` only (no self-reference through `exports`), so the demo,
// the examples and the end-to-end tests need this link. Skipped when installed as a dependency.
const fs = require("fs");
const path = require("path");
const root = path.resolve(__dirname, "..");
if (
  path.basename(path.dirname(root)) === "node_modules" ||
  (!fs.existsSync(path.join(root, ".git")) && !fs.existsSync(path.join(root, "test")))
)
  process.exit(0);
const link = path.join(root, "node_modules", "pulumi-partner-center");
try {
  if (fs.realpathSync(link) === root) process.exit(0);
  fs.rmSync(link, { recursive: true, force: true });
} catch {
  /* missing: create it */
}
fs.mkdirSync(path.dirname(link), { recursive: true });
fs.symlinkSync(path.relative(path.dirname(link), root), link, "dir");
