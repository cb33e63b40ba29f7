// Which document each message is and what it is built from (CONTRACT 8.2): the order for CEB311,
// the declaration for the others; the inventory list with customs' numbers as they stand now
// (a re-send carries them), the cancellation and return under their own copNo.
import type { ReturnedItem, SingleWindowMessageType } from '@cbec/contracts';
import { buildCancellationMessage, buildInventoryMessage, buildOrderMessage, buildReturnMessage, MessageContext } from '@cbec/single-window';
import type { CustomsOrder } from '../persistence/customs-order.entity';
import { cancellationCopNo } from './cop-numbers.rule';

/** What a message is built from besides the order's data; kept with it, so a re-send builds it again. */
export type MessageInput =
  | { messageType: 'CEB311' }
  | { messageType: 'CEB621'; appType: '1' | '2' }
  | { messageType: 'CEB623'; reason: string }
  | { messageType: 'CEB625'; copNo: string; reason: string; items: ReturnedItem[] };

export interface BuiltMessage {
  messageType: SingleWindowMessageType;
  xml: string;
  copNo: string;
  appType: string;
}

export function buildMessage(order: CustomsOrder, input: MessageInput, ctx: MessageContext): BuiltMessage {
  switch (input.messageType) {
    case 'CEB311': {
      const data = required(order.orderData, 'the order', order);
      return { messageType: 'CEB311', xml: buildOrderMessage(data, ctx), copNo: data.orderId, appType: '1' };
    }
    case 'CEB621': {
      const { declaration, copNo, legalUnits } = declared(order);
      const xml = buildInventoryMessage({ declaration, legalUnits, copNo, appType: input.appType, preNo: order.preNo ?? undefined, invtNo: order.invtNo ?? undefined }, ctx);
      return { messageType: 'CEB621', xml, copNo, appType: input.appType };
    }
    case 'CEB623': {
      const { declaration, copNo } = declared(order);
      const invtNo = required(order.invtNo, 'customs\' invtNo', order);
      const own = cancellationCopNo(copNo);
      return { messageType: 'CEB623', xml: buildCancellationMessage({ declaration, copNo: own, invtNo, reason: input.reason }, ctx), copNo: own, appType: '1' };
    }
    case 'CEB625': {
      const { declaration, copNo } = declared(order);
      const xml = buildReturnMessage({ declaration, copNo: input.copNo, invtNo: order.invtNo ?? copNo, reason: input.reason, items: input.items }, ctx);
      return { messageType: 'CEB625', xml, copNo: input.copNo, appType: '1' };
    }
  }
}

function declared(order: CustomsOrder): { declaration: NonNullable<CustomsOrder['declaration']>; copNo: string; legalUnits: string[] } {
  return { declaration: required(order.declaration, 'the declaration', order), copNo: required(order.copNo, 'the inventory list', order), legalUnits: order.legalUnits ?? [] };
}

function required<T>(value: T | null, what: string, order: CustomsOrder): T {
  if (value === null || value === undefined) throw new MessageNotBuildable(`${order.platformId}/${order.orderId} has no ${what} yet`);
  return value;
}

/** The order lacks what the message needs (e.g. a re-send of a list never sent). */
export class MessageNotBuildable extends Error {}
