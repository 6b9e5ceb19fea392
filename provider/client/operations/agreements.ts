// Agreements: metadata, a customer's confirmations, MCA direct-sign status, confirm MCA acceptance.
// https://learn.microsoft.com/partner-center/developer/confirm-customer-consent-customer-agreement
// Choice: without a type the parameter is omitted (the service then means MicrosoftCloudAgreement).
import { guid, v1 } from "../ids";
import { validateInput } from "../inputs";
import {
  AgreementConfirmationSchema,
  AgreementMetadataSchema,
  AgreementSchema,
  AgreementTypeSchema,
  DirectSignStatusSchema,
  type Agreement,
  type AgreementConfirmation,
  type AgreementMetadata,
  type AgreementType,
  type DirectSignStatus,
} from "../models/agreements";
import { Paged } from "../paging";
import type { RequestRunner } from "../requestRunner";

export class AgreementsOperations {
  constructor(private readonly runner: RequestRunner) {}

  listMetadata(type?: AgreementType): Paged<AgreementMetadata> {
    return Paged.defer(() => {
      const agreementType =
        type === undefined ? undefined : validateInput("agreements.listMetadata", "type", AgreementTypeSchema, type);
      return this.runner.paged(
        { operation: "agreements.listMetadata", method: "GET", path: v1`/agreements`, query: { agreementType } },
        AgreementMetadataSchema,
        "AgreementMetadata",
      );
    });
  }

  listForCustomer(customerId: string, type?: AgreementType): Paged<Agreement> {
    return Paged.defer(() => {
      const operation = "agreements.listForCustomer";
      const id = guid(operation, "customerId", customerId);
      const agreementType =
        type === undefined ? undefined : validateInput(operation, "type", AgreementTypeSchema, type);
      return this.runner.paged(
        {
          operation,
          method: "GET",
          path: v1`/customers/${id}/agreements`,
          query: { agreementType },
          customerId: id,
          appUserOnly: true,
        },
        AgreementSchema,
        "Agreement",
      );
    });
  }

  async getDirectSignStatus(customerId: string): Promise<DirectSignStatus> {
    const operation = "agreements.getDirectSignStatus";
    const id = guid(operation, "customerId", customerId);
    return this.runner.json(
      {
        operation,
        method: "GET",
        path: v1`/customers/${id}/directSignedMicrosoftCustomerAgreementStatus`,
        customerId: id,
        appUserOnly: true,
      },
      DirectSignStatusSchema,
      "DirectSignStatus",
    );
  }

  async confirm(customerId: string, agreement: AgreementConfirmation): Promise<Agreement> {
    const operation = "agreements.confirm";
    const id = guid(operation, "customerId", customerId);
    const body = validateInput(operation, "agreement", AgreementConfirmationSchema, agreement);
    guid(operation, "agreement.templateId", body.templateId);
    return this.runner.json(
      { operation, method: "POST", path: v1`/customers/${id}/agreements`, customerId: id, appUserOnly: true, body },
      AgreementSchema,
      "Agreement",
    );
  }
}
