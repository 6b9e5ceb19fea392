// GDAP: ask one customer for Helpdesk and User Administrator, then give the partner group "Helpdesk Agents"
// Helpdesk Administrator in that customer's tenant.
// Choice: the access assignment is declared only once `customerApproved` is true, so the first `pulumi up` ends as
// soon as the invitation is out instead of waiting (up to PARTNERCENTER_GDAP_WAIT_SECONDS) for the customer.
import * as pulumi from "@pulumi/pulumi";
import { DelegatedAdminAccessAssignment, DelegatedAdminRelationship } from "pulumi-partner-center";

const config = new pulumi.Config();

const relationship = new DelegatedAdminRelationship("helpdesk", {
  customerId: config.require("customerId"),
  displayName: "example-helpdesk",
  duration: config.get("duration") ?? "P730D",
  roles: ["Helpdesk Administrator", "User Administrator"],
  autoExtend: false,
});

if (config.getBoolean("customerApproved")) {
  new DelegatedAdminAccessAssignment("helpdesk-agents", {
    relationshipId: relationship.id,
    securityGroupName: "Helpdesk Agents",
    roles: ["Helpdesk Administrator"],
  });
}

export const relationshipId = relationship.id;
export const invitationUrl = relationship.invitationUrl;
