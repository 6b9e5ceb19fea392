// Validation codes: the partner's Government Community Cloud validation codes, as a bare JSON array.
// https://learn.microsoft.com/partner-center/developer/get-a-partner-s-validation-codes
// Emulator choice: validationId is a string; eTag is top-level (as documented) and changes when remainingCreates does.
import type { Route } from "../http/types";

const listValidationCodes: Route = {
  method: "GET",
  pattern: "/v1/customers/all/validations",
  auth: "app-or-user",
  handle(ctx) {
    return {
      status: 200,
      body: ctx.partner.validationCodes.map((v) => ({
        partnerId: ctx.partner.tenantId,
        organizationName: v.organizationName,
        validationId: v.validationId,
        maxCreates: v.maxCreates,
        remainingCreates: v.remainingCreates,
        eTag: v.etag,
      })),
    };
  },
};

export const validationRoutes: Route[] = [listValidationCodes];
