// The message types of CONTRACT 8, as libs/contracts names them.
import type { CustomsReceiptType, SingleWindowMessageType } from '@cbec/contracts';

/** What the system sends: the order (CEB311), the inventory list (CEB621), its cancellation (CEB623), a return (CEB625). */
export type OutMessageType = SingleWindowMessageType;
/** What customs answers: the receipts of each message (CEB312, CEB622, CEB624, CEB626), the tax bill (CEB816), a format check (CEB900). */
export type ReceiptType = CustomsReceiptType;

/** The root element of each message and receipt: `CEB621` -> `CEB621Message`. */
export function rootElementOf(type: OutMessageType | ReceiptType): string {
  return `${type}Message`;
}

/** The namespace of every Single Window element. */
export const CEB_NAMESPACE = 'http://www.chinaport.gov.cn/ceb';
/** The prefix it is written with, as the Single Window's own samples do. */
export const CEB_PREFIX = 'ceb';
