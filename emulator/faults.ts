// Fault rules as data (POST /_emulator/faults): matched by method, path pattern and customer id; each rule can delay,
// answer an error, destroy the socket, or let the handler commit and then fail (applyThenFail).
// Emulator choice: `path` is a regular expression in RE2 syntax (JavaScript RegExp without backreferences or
//   lookaround), at most 256 characters, matched by re2js in time linear in the path, so no pattern can backtrack
//   catastrophically; a pattern outside that subset -> 400 naming the construct.
// Emulator choice: rules are checked in creation order and at most one rule fires per request; a rule with
// `probability` and no `seed` draws from Math.random; with `seed` it uses its own mulberry32 sequence.
import { randomUUID } from "crypto";
import { RE2JS } from "re2js";
import { z } from "zod";

export const MAX_PATH_PATTERN_LENGTH = 256;

/** Why `pattern` is not a usable RE2 pattern, or undefined when it is. */
function patternProblem(pattern: string): string | undefined {
  try {
    RE2JS.compile(pattern);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

export const FaultRuleSchema = z.strictObject({
  method: z
    .string()
    .regex(/^[A-Za-z]+$/, "method must be an HTTP method such as GET or POST")
    .optional(),
  path: z
    .string()
    .max(MAX_PATH_PATTERN_LENGTH, `path must be at most ${MAX_PATH_PATTERN_LENGTH} characters`)
    .superRefine((p, ctx) => {
      const problem = patternProblem(p);
      if (problem)
        ctx.addIssue({
          code: "custom",
          message: `path must be a regular expression in RE2 syntax (no backreferences or lookaround): ${problem}`,
        });
    })
    .optional(),
  customerId: z.string().min(1).optional(),
  status: z.number().int().min(100).max(599).optional(),
  code: z.union([z.number(), z.string()]).optional(),
  description: z.string().optional(),
  retryAfter: z.number().int().min(0).optional(),
  latencyMs: z.number().int().min(0).max(600_000).optional(),
  reset: z.boolean().optional(),
  applyThenFail: z.boolean().optional(),
  times: z.number().int().min(1).optional(),
  probability: z.number().min(0).max(1).optional(),
  seed: z.number().int().optional(),
});
export type FaultRuleInput = z.infer<typeof FaultRuleSchema>;
export const FaultRulesSchema = z.union([FaultRuleSchema, z.array(FaultRuleSchema)]);

export interface FaultRule extends FaultRuleInput {
  id: string;
  fired: number;
}

/** mulberry32: a tiny seeded PRNG returning numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultRegistry {
  private rules: Array<{ rule: FaultRule; regex?: RE2JS; random: () => number }> = [];

  add(inputs: FaultRuleInput[]): string[] {
    return inputs.map((input) => {
      const rule: FaultRule = { ...input, id: randomUUID(), fired: 0 };
      this.rules.push({
        rule,
        regex: input.path !== undefined ? RE2JS.compile(input.path) : undefined,
        random: input.seed !== undefined ? mulberry32(input.seed) : Math.random,
      });
      return rule.id;
    });
  }

  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r.rule }));
  }

  /** Removes one rule (returns false when unknown) or, without an id, all rules. */
  remove(id?: string): boolean {
    if (id === undefined) {
      this.rules = [];
      return true;
    }
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.rule.id !== id);
    return this.rules.length !== before;
  }

  /** The rule that fires for this request, if any; counts it against `times` (spent rules are dropped). */
  take(method: string, path: string, customerId: string | undefined): FaultRule | undefined {
    for (const entry of this.rules) {
      const { rule } = entry;
      if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) continue;
      if (entry.regex && !entry.regex.matcher(path).find()) continue;
      if (rule.customerId && rule.customerId.toLowerCase() !== (customerId ?? "").toLowerCase()) continue;
      if (rule.probability !== undefined && !(entry.random() < rule.probability)) continue;
      rule.fired++;
      if (rule.times !== undefined && rule.fired >= rule.times) this.rules = this.rules.filter((r) => r !== entry);
      return { ...rule };
    }
    return undefined;
  }
}
