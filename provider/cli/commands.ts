// Every `partner-center` sub-command, by name: one file per command.
import type { Command } from "./command-kit";
import { driftCommand } from "./drift";
import { emulatorCommand } from "./emulator";
import { exportCommand } from "./export";
import { previewReportCommand } from "./preview-report";

export const COMMANDS: Readonly<Record<string, Command>> = {
  emulator: emulatorCommand,
  export: exportCommand,
  "preview-report": previewReportCommand,
  drift: driftCommand,
};
