// `partner-center drift` (in progress: its owner replaces this file).
import type { Command } from "./command";

export const driftCommand: Command = {
  summary: "refresh preview of a stack as a Markdown and JSON drift report (exit 0 none, 2 drift, 1 error)",
  usage: "partner-center drift (not available yet)",
  async run(_argv, io) {
    io.err("partner-center drift: not available in this build yet");
    return 1;
  },
};
