// Runs a refresh preview of a user's stack through the Pulumi Automation API and collects its engine events.
// Choice: the project folder's Pulumi.yaml is read, never written; the stack is refreshed with an empty inline
// program (a refresh does not run the program), so no language host is needed and nothing of the project runs.
// The backend, passphrase and CLI are the user's own: PULUMI_BACKEND_URL / `pulumi login`, PULUMI_CONFIG_PASSPHRASE
// (or _FILE), and `pulumi` on PATH (the Automation API needs CLI >= 3.181 for this).
// Choice: a missing `pulumi` is said in words with how to get it; the Automation API reports it as "code: -2".
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { projectFolder, pulumiNotFound } from "../command-kit";
import { failureSummary } from "./drift-events";

export interface RefreshRun {
  events: EngineEvent[];
  /** set when the refresh preview failed (errors on single resources are in the events too) */
  failure?: string;
}

/** The Automation API's CommandError for a `pulumi` that could not be started (spawn ENOENT, exit code -2). */
function isCommandNotFound(e: unknown): boolean {
  const result = (e as { commandResult?: { code?: unknown; err?: { code?: unknown } } }).commandResult;
  return result?.err?.code === "ENOENT" || (e as { code?: unknown }).code === "ENOENT";
}

export async function refreshPreview(opts: { cwd: string; stack: string; parallel?: number }): Promise<RefreshRun> {
  const workDir = projectFolder(opts.cwd);
  const auto = await import("@pulumi/pulumi/automation");
  const skipVersionCheck = /^(1|true)$/i.test(process.env.PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK ?? "");
  const pulumiCommand = await auto.PulumiCommand.get({ skipVersionCheck }).catch((e: unknown) => {
    throw isCommandNotFound(e) ? new Error(pulumiNotFound("drift runs it for the refresh preview")) : e;
  });
  let stack;
  try {
    stack = await auto.LocalWorkspace.selectStack(
      { stackName: opts.stack, projectName: "unused", program: async () => undefined },
      // PULUMI_SKIP_CONFIRMATIONS (common in CI) means --yes, which `refresh --preview-only` refuses
      { workDir, pulumiCommand, envVars: { PULUMI_SKIP_CONFIRMATIONS: "false" } },
    );
  } catch (e) {
    throw new Error(
      `cannot select stack '${opts.stack}' in ${workDir}: ${failureSummary(e)}. Fix: check --stack (see \`pulumi stack ls\`) and that the backend is the one you log in to`,
      { cause: e },
    );
  }
  const events: EngineEvent[] = [];
  try {
    await stack.previewRefresh({ onEvent: (e) => events.push(e), parallel: opts.parallel });
    return { events };
  } catch (e) {
    return { events, failure: failureSummary(e) };
  }
}
