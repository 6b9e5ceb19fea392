// CustomerUsageBudget — a customer's usage spending budget (one per customer).
// REST: https://learn.microsoft.com/partner-center/developer/update-a-customer-s-usage-spending-budget
// Lifecycle: create sets the amount (the budget always exists; an equal amount is left unwritten, so taking over a
// customer writes nothing); amount updates in
// place; a new customerId replaces; delete clears the budget (amount null); read reports it gone only when the
// customer is gone (404).
// Choice: "no budget" is written amount: "none" (null is accepted too and stored as "none"), because Pulumi drops
// null-valued inputs from comparisons.
// Not offered in the 21Vianet cloud: check() fails there.
// Choice (state = service): create writes the amount (or leaves an equal one), delete clears it, and read compares it.

import { z } from "zod";
import { cloudRule } from "./kit/customer-cloud-availability";
import { defineResource, type ResourceContext } from "./kit/define-resource";
import { lowerCase } from "./kit/diff";
import { deleteUnlessGone, isNotFound } from "./kit/errors";
import { guid } from "./kit/fields";
import { parseId } from "./kit/ids";
import { resourceClass } from "./kit/resource-class";

export const TYPE = "CustomerUsageBudget";
const NONE = "none" as const;

// ---- input schema ----
const AMOUNT_FIX = 'give the monthly budget as a number >= 0 (e.g. 500), or "none" for no budget';
export const CustomerUsageBudgetInputs = z.strictObject({
  customerId: guid("customer tenant id"),
  amount: z.union(
    [
      z
        .number()
        .finite()
        .min(0, { error: `must not be negative. Fix: ${AMOUNT_FIX}` }),
      z.literal(NONE),
      z.null().transform(() => NONE),
    ],
    {
      error: (i: { input?: unknown }) =>
        i.input === undefined
          ? `is required. Fix: ${AMOUNT_FIX}`
          : `must be a number >= 0 or "none". Fix: ${AMOUNT_FIX}`,
    },
  ),
});
export type CustomerUsageBudgetInputs = z.input<typeof CustomerUsageBudgetInputs>;
type In = z.output<typeof CustomerUsageBudgetInputs>;

// ---- state schema ----
export const CustomerUsageBudgetOutputs = z.object({ hasBudget: z.boolean() });
type Out = z.output<typeof CustomerUsageBudgetOutputs>;
type Stored = In & Partial<Out>;

// ---- diff rules ----
const diffRules = {
  replaceOn: ["customerId"],
  inPlace: ["amount"],
  normalize: { customerId: lowerCase },
  naturalKey: (p: Partial<Stored>) => p.customerId?.toLowerCase(),
};

// ---- CRUD ----
const describe = (p: Partial<In>) => `${TYPE} of customer ${p.customerId ?? "(unknown)"}`;
const toWire = (amount: In["amount"]) => (amount === NONE ? null : amount);
const fromWire = (amount: number | null | undefined): In["amount"] =>
  amount === null || amount === undefined ? NONE : amount;

async function create(ctx: ResourceContext, inputs: In): Promise<{ id: string; outs: Out }> {
  const current = fromWire((await ctx.client.budget.get(inputs.customerId)).amount);
  if (current !== inputs.amount) await ctx.client.budget.update(inputs.customerId, toWire(inputs.amount));
  return { id: inputs.customerId.toLowerCase(), outs: { hasBudget: inputs.amount !== NONE } };
}

async function read(ctx: ResourceContext, id: string) {
  const [customerId] = parseId(TYPE, id, 1);
  try {
    const budget = await ctx.client.budget.get(customerId);
    return { customerId, amount: fromWire(budget.amount), hasBudget: fromWire(budget.amount) !== NONE };
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

async function update(ctx: ResourceContext, id: string, _olds: Stored, news: In): Promise<Out> {
  const [customerId] = parseId(TYPE, id, 1);
  await ctx.client.budget.update(customerId, toWire(news.amount));
  return { hasBudget: news.amount !== NONE };
}

async function remove(ctx: ResourceContext, id: string): Promise<void> {
  const [customerId] = parseId(TYPE, id, 1);
  await deleteUnlessGone(() => ctx.client.budget.update(customerId, null));
}

// ---- export ----
export const customerUsageBudget = defineResource({
  type: TYPE,
  inputs: CustomerUsageBudgetInputs,
  outputs: CustomerUsageBudgetOutputs,
  rules: [cloudRule("usageBudget", TYPE, "amount")],
  diff: diffRules,
  describe,
  create,
  read,
  update,
  delete: remove,
});

/** The usage spending budget of a customer; deleting the resource clears the budget. */
export const CustomerUsageBudget = resourceClass(customerUsageBudget);
export type CustomerUsageBudget = InstanceType<typeof CustomerUsageBudget>;
