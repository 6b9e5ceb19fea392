// `partner-center preview-report` (in progress: its owner replaces this file).
import type { Command } from "./command";

export const previewReportCommand: Command = {
  summary: "turn `pulumi preview --json` into a Markdown pull-request comment",
  usage: "partner-center preview-report (not available yet)",
  async run(_argv, io) {
    io.err("partner-center preview-report: not available in this build yet");
    return 1;
  },
};
