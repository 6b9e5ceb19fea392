// Customers: list, search, get, create, delete (sandbox), remove reseller relationship, relationship request
// URL, domain availability. https://learn.microsoft.com/partner-center/developer/customer-resources
// Choice: search sends the only documented operator, starts_with. Default page size 500 (what the PowerShell module uses; the maximum is undocumented).
import { z } from "zod";
import { domain, guid, v1 } from "../ids";
import { validateInput } from "../inputs";
import {
  CustomerCreateSchema,
  CustomerSchema,
  CustomerSearchFieldSchema,
  RelationshipRemovalSchema,
  RelationshipRequestSchema,
  type Customer,
  type CustomerCreate,
  type CustomerSearchField,
  type RelationshipRemoval,
} from "../models/customers";
import { Paged } from "../paging";
import type { RequestRunner } from "../requestRunner";
import { pageSize } from "./pageSize";

export class CustomersOperations {
  constructor(private readonly runner: RequestRunner) {}

  list(options: { pageSize?: number } = {}): Paged<Customer> {
    return Paged.defer(() => {
      const size = pageSize("customers.list", options.pageSize);
      return this.runner.paged(
        { operation: "customers.list", method: "GET", path: v1`/customers`, query: { size } },
        CustomerSchema,
        "Customer",
      );
    });
  }

  /** Customers whose field starts with value (the only documented operator), case-insensitive. */
  search(
    criteria: { field: CustomerSearchField; value: string },
    options: { pageSize?: number } = {},
  ): Paged<Customer> {
    return Paged.defer(() => {
      const operation = "customers.search";
      const field = validateInput(operation, "field", CustomerSearchFieldSchema, criteria?.field);
      const value = validateInput(operation, "value", z.string().min(1).max(256), criteria?.value);
      const filter = JSON.stringify({ Field: field, Value: value, Operator: "starts_with" });
      return this.runner.paged(
        {
          operation,
          method: "GET",
          path: v1`/customers`,
          query: { size: pageSize(operation, options.pageSize), filter },
        },
        CustomerSchema,
        "Customer",
      );
    });
  }

  async get(customerId: string): Promise<Customer> {
    const id = guid("customers.get", "customerId", customerId);
    return this.runner.json(
      { operation: "customers.get", method: "GET", path: v1`/customers/${id}`, customerId: id },
      CustomerSchema,
      "Customer",
    );
  }

  async create(body: CustomerCreate): Promise<Customer> {
    const input = validateInput("customers.create", "body", CustomerCreateSchema, body);
    domain("customers.create", "body.companyProfile.domain", input.companyProfile.domain);
    return this.runner.json(
      {
        operation: "customers.create",
        method: "POST",
        path: v1`/customers`,
        body: { ...input, attributes: { objectType: "Customer" } },
      },
      CustomerSchema,
      "Customer",
    );
  }

  /** Integration sandbox only. */
  async delete(customerId: string): Promise<void> {
    const id = guid("customers.delete", "customerId", customerId);
    return this.runner.empty({
      operation: "customers.delete",
      method: "DELETE",
      path: v1`/customers/${id}`,
      customerId: id,
    });
  }

  async removeResellerRelationship(customerId: string): Promise<RelationshipRemoval> {
    const id = guid("customers.removeResellerRelationship", "customerId", customerId);
    return this.runner.json(
      {
        operation: "customers.removeResellerRelationship",
        method: "PATCH",
        path: v1`/customers/${id}`,
        customerId: id,
        appUserOnly: true,
        body: { relationshipToPartner: "none", attributes: { objectType: "Customer" } },
      },
      RelationshipRemovalSchema,
      "Customer",
    );
  }

  /** The partner's static invitation URL a customer opens to accept a reseller relationship. */
  async getRelationshipRequestUrl(): Promise<string> {
    const request = await this.runner.json(
      {
        operation: "customers.getRelationshipRequestUrl",
        method: "GET",
        path: v1`/customers/relationshiprequests`,
        appUserOnly: true,
      },
      RelationshipRequestSchema,
      "RelationshipRequest",
    );
    return request.url;
  }

  /** true = the domain is free (HEAD answers 404), false = taken (200). */
  async checkDomainAvailability(domainName: string): Promise<boolean> {
    const name = domain("customers.checkDomainAvailability", "domain", domainName);
    const response = await this.runner.send({
      operation: "customers.checkDomainAvailability",
      method: "HEAD",
      path: v1`/domains/${name}`,
      alsoAccept: [404],
    });
    return response.status === 404;
  }
}
