// The partner's GCC validation codes (a bare JSON array). https://learn.microsoft.com/partner-center/developer/get-a-partner-s-validation-codes
import { v1 } from "../ids";
import { ValidationCodeSchema, type ValidationCode } from "../models/validations";
import { Paged } from "../paging";
import type { RequestRunner } from "../requestRunner";

export class ValidationsOperations {
  constructor(private readonly runner: RequestRunner) {}

  listCodes(): Paged<ValidationCode> {
    return Paged.defer(() => {
      return this.runner.paged(
        { operation: "validations.listCodes", method: "GET", path: v1`/customers/all/validations` },
        ValidationCodeSchema,
        "ValidationCode",
        "array",
      );
    });
  }
}
