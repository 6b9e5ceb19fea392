// Output of the CLI's in-process runs, captured line by line.
import { main, type Io } from "../../../provider/cli/main";

export type CapturedIo = Io & { lines: string[]; errors: string[] };

/** An Io that keeps stdout lines in `lines` and stderr lines in `errors`, never waiting for a stop signal. */
export function captureIo(): CapturedIo {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l), waitForStop: () => Promise.resolve() };
}

/** `main(argv)` with captured output. */
export async function runCli(argv: string[]): Promise<{ code: number; io: CapturedIo }> {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, io };
}
