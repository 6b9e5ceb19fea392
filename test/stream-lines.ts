// Whole lines from a child process's output stream, as the tests that wait for a ready line read them.
import type { Readable } from "stream";

/** Calls `handle` with each batch of complete lines `stream` emits; a partial last line waits for its end. */
export function onLines(stream: Readable, handle: (lines: string[]) => void): void {
  let buffered = "";
  stream.on("data", (c: Buffer) => {
    buffered += c.toString();
    const parts = buffered.split("\n");
    buffered = parts.pop()!;
    handle(parts);
  });
}
