// Add a verified domain (domain-registrar partners). https://learn.microsoft.com/partner-center/developer/add-a-verified-domain
import { domain, guid, v1 } from "../ids";
import { validateInput } from "../inputs";
import { DomainSchema, VerifiedDomainRequestSchema, type Domain, type VerifiedDomainRequest } from "../models/domains";
import type { RequestRunner } from "../requestRunner";

export class DomainsOperations {
  constructor(private readonly runner: RequestRunner) {}

  async addVerified(customerId: string, body: VerifiedDomainRequest): Promise<Domain> {
    const operation = "domains.addVerified";
    const id = guid(operation, "customerId", customerId);
    const input = validateInput(operation, "body", VerifiedDomainRequestSchema, body);
    domain(operation, "body.verifiedDomainName", input.verifiedDomainName);
    domain(operation, "body.domain.name", input.domain.name);
    return this.runner.json(
      { operation, method: "POST", path: v1`/customers/${id}/verifieddomain`, customerId: id, body: input },
      DomainSchema,
      "Domain",
    );
  }
}
