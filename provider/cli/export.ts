// `partner-center export` (in progress: its owner replaces this file).
import type { Command } from "./command";

export const exportCommand: Command = {
  summary: "write a customer's tenant spec (YAML) from Partner Center, with adoption on",
  usage: "partner-center export (not available yet)",
  async run(_argv, io) {
    io.err("partner-center export: not available in this build yet");
    return 1;
  },
};
