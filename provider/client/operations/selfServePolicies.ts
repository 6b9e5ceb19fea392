// Self-serve policies (partner lets a customer buy Azure reservations/savings plans).
// https://learn.microsoft.com/partner-center/developer/self-serve-policy-resources
// Choice: update uses the documented PUT /v1/SelfServePolicy (the SDK's /{id} variant is not used);
// the list parameter is spelled entity_id as on the doc page; the etag travels in the body.
import { guid, policyId, v1 } from "../ids";
import { invalidInput } from "../errors";
import { validateInput } from "../inputs";
import {
  SelfServePolicyCreateSchema,
  SelfServePolicySchema,
  type SelfServePolicy,
  type SelfServePolicyCreate,
} from "../models/selfServePolicies";
import { Paged } from "../paging";
import type { RequestRunner } from "../requestRunner";

export class SelfServePoliciesOperations {
  constructor(private readonly runner: RequestRunner) {}

  list(customerId: string): Paged<SelfServePolicy> {
    return Paged.defer(() => {
      const id = guid("selfServePolicies.list", "customerId", customerId);
      return this.runner.paged(
        {
          operation: "selfServePolicies.list",
          method: "GET",
          path: v1`/SelfServePolicy`,
          query: { entity_id: id },
          customerId: id,
        },
        SelfServePolicySchema,
        "SelfServePolicy",
      );
    });
  }

  async get(id: string): Promise<SelfServePolicy> {
    const policy = policyId("selfServePolicies.get", "id", id);
    return this.runner.json(
      {
        operation: "selfServePolicies.get",
        method: "GET",
        path: v1`/SelfServePolicy/${policy}`,
        customerId: policy.split("_")[1],
      },
      SelfServePolicySchema,
      "SelfServePolicy",
    );
  }

  async create(policy: SelfServePolicyCreate): Promise<SelfServePolicy> {
    const operation = "selfServePolicies.create";
    const body = validateInput(operation, "policy", SelfServePolicyCreateSchema, policy);
    guid(operation, "policy.selfServeEntity.tenantID", body.selfServeEntity.tenantID);
    guid(operation, "policy.grantor.tenantID", body.grantor.tenantID);
    return this.runner.json(
      {
        operation,
        method: "POST",
        path: v1`/SelfServePolicy`,
        customerId: body.selfServeEntity.tenantID,
        body: { ...body, attributes: { objectType: "SelfServePolicy" } },
      },
      SelfServePolicySchema,
      "SelfServePolicy",
    );
  }

  /** Send the policy as read (with attributes.etag) and the permissions changed. */
  async update(policy: SelfServePolicy): Promise<SelfServePolicy> {
    const operation = "selfServePolicies.update";
    const body = validateInput(operation, "policy", SelfServePolicySchema, policy);
    policyId(operation, "policy.id", body.id);
    if (!body.attributes?.etag)
      throw invalidInput(
        operation,
        "policy.attributes.etag",
        "is required: read the policy with selfServePolicies.get() and send it back with its etag",
      );
    return this.runner.json(
      { operation, method: "PUT", path: v1`/SelfServePolicy`, customerId: body.selfServeEntity.tenantID, body },
      SelfServePolicySchema,
      "SelfServePolicy",
    );
  }

  async delete(id: string): Promise<void> {
    const policy = policyId("selfServePolicies.delete", "id", id);
    return this.runner.empty({
      operation: "selfServePolicies.delete",
      method: "DELETE",
      path: v1`/SelfServePolicy/${policy}`,
      customerId: policy.split("_")[1],
    });
  }
}
