// Page size for seek-based collections. Choice: 500 by default, 1..1000 accepted (the maximum is undocumented).
import { invalidInput } from "../errors";

export const DEFAULT_PAGE_SIZE = 500;

export function pageSize(operation: string, requested: number | undefined): number {
  if (requested === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(requested) || requested < 1 || requested > 1000)
    throw invalidInput(operation, "pageSize", `must be an integer from 1 to 1000 (got ${requested})`);
  return requested;
}
