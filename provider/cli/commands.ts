// Every `partner-center` sub-command, by name: one file per command.
import type { Command } from "./command-kit";
import { driftCommand } from "./drift";
import { emulatorCommand } from "./emulator";
import { exportCommand } from "./export";
import { fleetReportCommand } from "./fleet-report";
import { gdapCommand } from "./gdap";
import { customersCommand } from "./customers";
import { licensesCommand } from "./licenses";
import { migrateUserResourcesCommand } from "./migrate-user-resources";
import { ordersCommand } from "./orders";
import { policiesCommand } from "./policies";
import { previewReportCommand } from "./preview-report";
import { removeResellerRelationshipCommand } from "./remove-reseller-relationship";
import { rolesCommand } from "./roles";
import { subscriptionsCommand } from "./subscriptions";
import { usersCommand } from "./users";

export const COMMANDS: Readonly<Record<string, Command>> = {
  emulator: emulatorCommand,
  export: exportCommand,
  "preview-report": previewReportCommand,
  drift: driftCommand,
  "migrate-user-resources": migrateUserResourcesCommand,
  "fleet-report": fleetReportCommand,
  customers: customersCommand,
  users: usersCommand,
  licenses: licensesCommand,
  subscriptions: subscriptionsCommand,
  orders: ordersCommand,
  roles: rolesCommand,
  policies: policiesCommand,
  gdap: gdapCommand,
  "remove-reseller-relationship": removeResellerRelationshipCommand,
};
