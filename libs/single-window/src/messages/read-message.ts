// A message the system sent, read back: its type, guid, head and lines as texts. For the
// simulator, which answers what it reads, and for anyone who shows a message's particulars.
import { OutMessageType, rootElementOf } from '../message-types';
import { asElement, elementsOf, parseDocument, textsOf, XmlElement } from '../parse-document';

export interface SentMessage {
  messageType: OutMessageType;
  /** The root's guid. */
  guid: string;
  /** The head's elements (OrderHead, InventoryHead, InvtCancel, InvtRefundHead) by name. */
  head: Record<string, string>;
  /** Each line's elements (OrderList, InventoryList, InvtRefundList); none for CEB623. */
  lines: Record<string, string>[];
}

export class UnreadableMessage extends Error {
  override name = 'UnreadableMessage';
}

/** Where each message keeps its head and its lines. */
const LAYOUT: Record<OutMessageType, { business: string; head?: string; line?: string }> = {
  CEB311: { business: 'Order', head: 'OrderHead', line: 'OrderList' },
  CEB621: { business: 'Inventory', head: 'InventoryHead', line: 'InventoryList' },
  CEB623: { business: 'InvtCancel' },
  CEB625: { business: 'InvtRefund', head: 'InvtRefundHead', line: 'InvtRefundList' },
};

export function readMessage(xml: string): SentMessage {
  const parsed = parseDocument(xml);
  if ('problem' in parsed) throw new UnreadableMessage(parsed.problem);
  const messageType = (Object.keys(LAYOUT) as OutMessageType[]).find((type) => rootElementOf(type) === parsed.root);
  if (!messageType) throw new UnreadableMessage(`unknown root element ${parsed.root}: not one of ${Object.keys(LAYOUT).map((type) => rootElementOf(type as OutMessageType)).join(', ')}`);
  const layout = LAYOUT[messageType];
  const business = asElement(elementsOf(parsed.body, layout.business)[0]);
  if (!business) throw new UnreadableMessage(`${parsed.root} has no ${layout.business}`);
  const head = layout.head ? asElement(elementsOf(business, layout.head)[0]) : business;
  if (!head) throw new UnreadableMessage(`${parsed.root} has no ${layout.head}`);
  const lines = layout.line ? elementsOf(business, layout.line).map(asElement).filter((line): line is XmlElement => line !== undefined).map(textsOf) : [];
  const guid = parsed.attributes.guid ?? textsOf(head).guid;
  if (!guid) throw new UnreadableMessage(`${parsed.root} has no guid`);
  return { messageType, guid, head: textsOf(head), lines };
}
