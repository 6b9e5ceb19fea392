// Drift made behind Pulumi's back in a stack of the quickstart example, through the emulator's Partner Center API
// as a portal user would make it: olivia.ops renamed, hugo.help no longer a Helpdesk Administrator.
import { emulatorOk, type EmulatorEndpoint } from "../../scripts/emulator-http";
import type { SeedCustomer } from "./stack-fixture";

/** `userIds`: the stack's `userIds` output (alias -> user id); `token`: an App+User access token. */
export async function renameOliviaAndUnassignHugo(
  emu: EmulatorEndpoint,
  token: string,
  customer: SeedCustomer,
  userIds: Record<string, string>,
): Promise<void> {
  const roleId = customer.roles.find((r) => r.name === "Helpdesk Administrator")!.id;
  await emulatorOk(emu, "PATCH", `/v1/customers/${customer.id}/users/${userIds["olivia.ops"]}`, {
    token,
    body: { displayName: "Renamed in the portal" },
  });
  await emulatorOk(
    emu,
    "DELETE",
    `/v1/customers/${customer.id}/directoryroles/${roleId}/usermembers/${userIds["hugo.help"]}`,
    { token },
  );
}
