// kit/propagation: bounded waits that retry only "not found" (unit tests, with a recording sleep).
import assert from "assert";
import {
  DEFAULT_WAITS,
  findWithin,
  retryNotFound,
  waitSeconds,
  type PropagationWait,
} from "../../../../provider/resources/kit/propagation";

const notFound = () => Object.assign(new Error("User object ID x isn't found."), { status: 404, code: 60002 });
const withStatus = (status: number) => Object.assign(new Error(`HTTP ${status}`), { status });

function recording(delaysMs: number[]): PropagationWait & { slept: number[] } {
  const slept: number[] = [];
  return { delaysMs, slept, sleep: async (ms) => void slept.push(ms) };
}

describe("kit/propagation", () => {
  describe("retryNotFound", () => {
    it("retries a 404 until the object is visible, pausing the given delays", async () => {
      const wait = recording([10, 20, 40]);
      let calls = 0;
      const value = await retryNotFound(wait, async () => {
        if (++calls <= 2) throw notFound();
        return "user";
      });
      assert.strictEqual(value, "user");
      assert.strictEqual(calls, 3);
      assert.deepStrictEqual(wait.slept, [10, 20]);
    });

    it("gives up after delays + 1 attempts and throws the last 404", async () => {
      const wait = recording([10, 20]);
      let calls = 0;
      const errors: Error[] = [];
      await assert.rejects(
        retryNotFound(wait, async () => {
          calls++;
          const e = notFound();
          errors.push(e);
          throw e;
        }),
        (e: unknown) => e === errors[errors.length - 1],
      );
      assert.strictEqual(calls, 3);
      assert.deepStrictEqual(wait.slept, [10, 20]);
    });

    for (const error of [
      withStatus(403),
      withStatus(429),
      withStatus(500),
      withStatus(400),
      new Error("socket hang up"),
    ]) {
      it(`does not retry ${error.message}`, async () => {
        const wait = recording([10, 20]);
        let calls = 0;
        await assert.rejects(
          retryNotFound(wait, async () => {
            calls++;
            throw error;
          }),
          (e: unknown) => e === error,
        );
        assert.strictEqual(calls, 1);
        assert.deepStrictEqual(wait.slept, []);
      });
    }

    it("does not sleep when the first attempt succeeds", async () => {
      const wait = recording([10]);
      assert.strictEqual(await retryNotFound(wait, async () => 7), 7);
      assert.deepStrictEqual(wait.slept, []);
    });
  });

  describe("findWithin", () => {
    it("treats undefined and 404 alike as not found yet, and returns what it finds", async () => {
      const wait = recording([5, 6, 7]);
      const answers: Array<() => unknown> = [
        () => undefined,
        () => {
          throw notFound();
        },
        () => ({ id: "u1" }),
      ];
      let calls = 0;
      const found = await findWithin(wait, async () => answers[calls++]() as { id: string } | undefined);
      assert.deepStrictEqual(found, { id: "u1" });
      assert.strictEqual(calls, 3);
      assert.deepStrictEqual(wait.slept, [5, 6]);
    });

    it("returns undefined (really gone) only after the whole bounded wait", async () => {
      const wait = recording([5, 6]);
      let calls = 0;
      const found = await findWithin(wait, async () => {
        if (++calls === 2) throw notFound();
        return undefined;
      });
      assert.strictEqual(found, undefined);
      assert.strictEqual(calls, 3);
      assert.deepStrictEqual(wait.slept, [5, 6]);
    });

    it("throws any other error at once, never reporting it as gone", async () => {
      for (const error of [withStatus(403), withStatus(503), new Error("ECONNRESET")]) {
        const wait = recording([5, 6]);
        let calls = 0;
        await assert.rejects(
          findWithin(wait, async () => {
            calls++;
            if (calls === 1) return undefined;
            throw error;
          }),
          (e: unknown) => e === error,
        );
        assert.strictEqual(calls, 2, error.message);
      }
    });

    it("keeps a found falsy value (false, 0, empty string) rather than waiting on", async () => {
      const wait = recording([5]);
      assert.strictEqual(await findWithin(wait, async () => 0), 0);
      assert.deepStrictEqual(wait.slept, []);
    });
  });

  describe("named waits", () => {
    it("default waits are bounded: dependentWrite about 30 s, confirmGone under 5 s", () => {
      assert.strictEqual(waitSeconds(DEFAULT_WAITS.dependentWrite), 31);
      assert.strictEqual(waitSeconds(DEFAULT_WAITS.confirmGone), 4);
      assert.ok(DEFAULT_WAITS.dependentWrite.delaysMs.length <= 6);
    });
  });
});
