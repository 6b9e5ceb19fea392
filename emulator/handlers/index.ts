// The single list of every Partner Center API route the emulator serves; one module per API area.
import type { Route } from "../http/types";

export const routes: Route[] = [];
