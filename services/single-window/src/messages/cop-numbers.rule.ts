// The enterprise's own numbers of its documents (`copNo`, at most 20 characters, CONTRACT 8.2):
// customs' receipts name them, and that is how a receipt finds its order. The inventory list's
// is the declaration number the system gave the order (CBEC + year + 12 digits); the
// cancellation's and each return's are made from it, so they are unique per kind and order.
import { createHash } from 'node:crypto';

const COP_NO_LENGTH = 20;

export function inventoryCopNo(declarationNumber: string): string {
  return declarationNumber.length <= COP_NO_LENGTH ? declarationNumber : `CBEC${digest(declarationNumber, COP_NO_LENGTH - 4)}`;
}

export function cancellationCopNo(inventory: string): string {
  return `CNCL${tailOf(inventory, COP_NO_LENGTH - 4)}`;
}

/** The n-th return of the order (1, 2, ...). */
export function returnCopNo(inventory: string, n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`a return's ordinal must be 1 to 99, got ${n}`);
  return `RT${String(n).padStart(2, '0')}${tailOf(inventory, COP_NO_LENGTH - 4)}`;
}

/** The inventory list's number without its CBEC prefix (16 characters for the system's own numbers). */
function tailOf(copNo: string, length: number): string {
  const tail = copNo.startsWith('CBEC') ? copNo.slice(4) : copNo;
  return tail.length <= length ? tail : digest(copNo, length);
}

function digest(value: string, length: number): string {
  return createHash('sha256').update(value).digest('hex').slice(0, length).toUpperCase();
}
