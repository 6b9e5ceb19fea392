// ESLint: typescript-eslint's recommended type-aware rules over every TypeScript source, typed through the project's
// own tsconfigs (tsconfig.json for provider/, emulator/, scripts/, bench/, examples/; test/tsconfig.json for test/).
// Run it with `npm run lint`; `npm test` runs it (and `prettier --check`) before mocha.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", ".cache/", "**/node_modules/", "**/.pulumi/"] },
  {
    files: ["**/*.ts"],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { project: ["./tsconfig.json", "./test/tsconfig.json"], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `_`-prefixed names are deliberate placeholders (unused parameters a signature requires, skipped destructurings).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
      // Off: `async` without `await` is how provider methods, handlers and commands turn a throw into a rejection.
      "@typescript-eslint/require-await": "off",
    },
  },
  {
    files: ["provider/resources/kit/shim.ts", "provider/shim-methods.ts"],
    rules: {
      // Off: the serialized shim must `require` the compiled runtime at call time, untyped (architecture rule 1).
      "@typescript-eslint/no-require-imports": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  {
    files: ["provider/runtime.ts", "provider/spec/tenant-program.ts", "scripts/pulumi-env.ts"],
    // Off: these load a module lazily with `require` (the client only when a call needs it; a user's program file).
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["test/**/*.ts"],
    rules: {
      // Off in tests: they read parsed JSON (state files, HTTP bodies, CLI output) and assert its shape with `assert`.
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      // Off in tests: they put state values (typed unknown) into request paths; a wrong one fails the request.
      "@typescript-eslint/restrict-template-expressions": "off",
      // Off in tests: some throw a non-Error on purpose, to prove the code under test handles it.
      "@typescript-eslint/only-throw-error": "off",
    },
  },
  {
    files: ["**/*.js"],
    extends: [js.configs.recommended],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "readonly",
        process: "readonly",
        __dirname: "readonly",
        console: "readonly",
      },
    },
  },
  { files: ["**/*.mjs"], extends: [js.configs.recommended] },
);
