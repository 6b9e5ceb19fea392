// Customer qualifications: the current asynchronous API (bare array; POST creates) and the legacy
// synchronous one (a bare JSON string). https://learn.microsoft.com/partner-center/developer/create-customer-qualification-asynchronous
// Choice: the legacy PUT sends the enum name as a JSON string (as the PowerShell module does).
import { guid, v1 } from "../ids";
import { validateInput } from "../inputs";
import { z } from "zod";
import {
  LegacyQualificationSchema,
  LegacyQualificationValueSchema,
  QualificationRequestSchema,
  QualificationSchema,
  type LegacyQualificationValue,
  type Qualification,
  type QualificationRequest,
} from "../models/qualifications";
import { Paged } from "../paging";
import type { RequestRunner } from "../requestRunner";

export class QualificationsOperations {
  constructor(private readonly runner: RequestRunner) {}

  list(customerId: string): Paged<Qualification> {
    return Paged.defer(() => {
      const id = guid("qualifications.list", "customerId", customerId);
      return this.runner.paged(
        { operation: "qualifications.list", method: "GET", path: v1`/customers/${id}/qualifications`, customerId: id },
        QualificationSchema,
        "Qualification",
        "array",
      );
    });
  }

  async create(customerId: string, body: QualificationRequest): Promise<Qualification> {
    const operation = "qualifications.create";
    const id = guid(operation, "customerId", customerId);
    const input = validateInput(operation, "body", QualificationRequestSchema, body);
    return this.runner.json(
      {
        operation,
        method: "POST",
        path: v1`/customers/${id}/qualifications`,
        customerId: id,
        appUserOnly: true,
        body: input,
      },
      QualificationSchema,
      "Qualification",
    );
  }

  async getLegacy(customerId: string): Promise<string> {
    const id = guid("qualifications.getLegacy", "customerId", customerId);
    return this.runner.json(
      {
        operation: "qualifications.getLegacy",
        method: "GET",
        path: v1`/customers/${id}/qualification`,
        customerId: id,
      },
      LegacyQualificationSchema,
      "qualification string",
    );
  }

  async updateLegacy(customerId: string, qualification: LegacyQualificationValue, code?: string): Promise<string> {
    const operation = "qualifications.updateLegacy";
    const id = guid(operation, "customerId", customerId);
    const value = validateInput(operation, "qualification", LegacyQualificationValueSchema, qualification);
    const validationCode =
      code === undefined
        ? undefined
        : validateInput(
            operation,
            "code",
            z.string().regex(/^[A-Za-z0-9-]{1,64}$/, "must be a validation id from validations.listCodes()"),
            code,
          );
    return this.runner.json(
      {
        operation,
        method: "PUT",
        path: v1`/customers/${id}/qualification`,
        query: { code: validationCode },
        customerId: id,
        appUserOnly: true,
        body: value,
      },
      LegacyQualificationSchema,
      "qualification string",
    );
  }
}
