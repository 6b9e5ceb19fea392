// One emulator per describe block serving only the core test routes (testRoutes.ts), with an app-only token for it.
import type { Emulator } from "../../emulator";
import { appToken, startTestEmulator } from "./helpers";
import { testRoutes } from "./testRoutes";

/** Registers before/after hooks in the current describe block and returns the running emulator and its token. */
export function useTestRoutesEmulator(): { readonly emu: Emulator; readonly token: string } {
  let emu: Emulator | undefined;
  let token: string | undefined;
  before(async () => {
    emu = await startTestEmulator({ routes: testRoutes });
    token = await appToken(emu);
  });
  after(async () => {
    await emu?.close();
  });
  return {
    get emu() {
      if (!emu) throw new Error("the test-routes emulator is used before its before() hook ran");
      return emu;
    },
    get token() {
      if (token === undefined) throw new Error("the test-routes emulator is used before its before() hook ran");
      return token;
    },
  };
}
