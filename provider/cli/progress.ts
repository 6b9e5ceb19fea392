// A running count for long commands (`export`, the lookups' paged lists, `fleet-report`): one line rewritten in
// place ("users: 1200"), ended by a newline when done.
// Choice: written to standard error, and only when it is a terminal and CI is not set, so standard output stays the
// command's result and a pipe, a log file or a CI job sees nothing of it.

/** Where progress goes (a TTY write stream, or a fake one in tests). */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/** Shows `label: count`; `done` ends the line. */
export type Progress = (label: string, count: number, done?: boolean) => void;

export function progressWriter(
  stream: ProgressStream = process.stderr,
  env: NodeJS.ProcessEnv = process.env,
): Progress {
  if (stream.isTTY !== true || env.CI) return () => {};
  let shown = 0;
  return (label, count, done) => {
    const text = `${label}: ${count}`;
    // a shorter line than the last one would leave its tail on screen
    stream.write(`\r${text}${" ".repeat(Math.max(0, shown - text.length))}${done ? "\n" : ""}`);
    shown = done ? 0 : text.length;
  };
}
