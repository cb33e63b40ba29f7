// Customs' receipts (CONTRACT 8.4): read from the in folder, and written by the simulator and the
// tests. Reading is lenient where the standard lets customs add (unknown elements are ignored)
// and strict where the system needs a value to find the document it answers.
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { CEB_NAMESPACE, CEB_PREFIX, ReceiptType, rootElementOf } from '../message-types';
import { asElement, elementsOf, parseDocument, textOf, textsOf, XmlElement } from '../parse-document';

/** The answer to one document: its order (CEB312), inventory list (CEB622), cancellation (CEB624) or return (CEB626). */
export interface DocumentReceipt {
  messageType: 'CEB312' | 'CEB622' | 'CEB624' | 'CEB626';
  guid: string;
  /** The system's number of the document answered (CEB622, CEB624, CEB626). */
  copNo?: string;
  /** The order's orderNo (CEB312). */
  orderNo?: string;
  preNo?: string;
  invtNo?: string;
  /** A number as text, negative for a processing error. */
  returnStatus: string;
  /** yyyyMMddHHmmssSSS, China time. */
  returnTime: string;
  returnInfo: string;
  customsCode?: string;
  ebpCode?: string;
  ebcCode?: string;
  agentCode?: string;
}

/** One line of a tax bill. */
export interface TaxBillLine {
  gnum: string;
  gcode: string;
  taxPrice: string;
  customsTax: string;
  valueAddedTax: string;
  consumptionTax: string;
}

/** CEB816: the electronic tax bill of an inventory list (decimals as written). */
export interface TaxBillReceipt {
  messageType: 'CEB816';
  guid: string;
  invtNo: string;
  taxNo: string;
  customsTax: string;
  valueAddedTax: string;
  consumptionTax: string;
  returnTime: string;
  status: string;
  lines?: TaxBillLine[];
}

/** CEB900: the exchange's format check of a message the system sent. */
export interface MessageCheckReceipt {
  messageType: 'CEB900';
  guid: string;
  returnStatus: string;
  returnInfo: string;
  returnTime: string;
  /** The file name or id of the message checked. */
  oriCopMsgId: string;
  oriMessageType: string;
  /** The guid of the message checked, read from the message it quotes. */
  oriGuid?: string;
  /** Its copNo, read from the message it quotes. */
  oriCopNo?: string;
  /** The message checked, as quoted (XML text). */
  oriBizMessage?: string;
}

export type Receipt = DocumentReceipt | TaxBillReceipt | MessageCheckReceipt;

/** A file that is not one of the receipts the system reads; the message says why. */
export class UnreadableReceipt extends Error {
  override name = 'UnreadableReceipt';
}

/** Each receipt's business element and its elements in schema order (MESSAGES.md, "Receipts read"). */
const RECEIPT_BODIES: Record<Exclude<ReceiptType, 'CEB816'>, { element: string; fields: readonly string[] }> = {
  CEB312: { element: 'OrderReturn', fields: ['guid', 'ebpCode', 'ebcCode', 'orderNo', 'returnStatus', 'returnTime', 'returnInfo'] },
  CEB622: { element: 'InventoryReturn', fields: ['guid', 'customsCode', 'ebpCode', 'ebcCode', 'agentCode', 'copNo', 'preNo', 'invtNo', 'returnStatus', 'returnTime', 'returnInfo'] },
  CEB624: { element: 'InvtCancelReturn', fields: ['guid', 'customsCode', 'agentCode', 'ebpCode', 'ebcCode', 'copNo', 'preNo', 'invtNo', 'returnStatus', 'returnTime', 'returnInfo'] },
  CEB626: { element: 'InvtRefundReturn', fields: ['guid', 'customsCode', 'agentCode', 'ebpCode', 'ebcCode', 'copNo', 'preNo', 'invtNo', 'returnStatus', 'returnTime', 'returnInfo'] },
  CEB900: { element: 'MessageReturn', fields: ['guid', 'returnStatus', 'returnInfo', 'returnTime', 'oriCopMsgId', 'oriMessageType', 'oriBizMessage'] },
};
const TAX_HEAD_FIELDS = ['guid', 'returnTime', 'invtNo', 'taxNo', 'customsTax', 'valueAddedTax', 'consumptionTax', 'status', 'entDutyNo', 'note', 'assureCode', 'ebcCode', 'logisticsCode', 'agentCode', 'customsCode'] as const;
const TAX_LINE_FIELDS = ['gnum', 'gcode', 'taxPrice', 'customsTax', 'valueAddedTax', 'consumptionTax'] as const;
const RECEIPT_TYPES: readonly ReceiptType[] = ['CEB312', 'CEB622', 'CEB624', 'CEB626', 'CEB816', 'CEB900'];
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** The receipt in `xml`; UnreadableReceipt saying why when it is not one the system reads. */
export function readReceipt(xml: string): Receipt {
  const parsed = parseDocument(xml);
  if ('problem' in parsed) throw new UnreadableReceipt(parsed.problem);
  const messageType = RECEIPT_TYPES.find((type) => rootElementOf(type) === parsed.root);
  if (!messageType) throw new UnreadableReceipt(`unknown root element ${parsed.root}: not one of ${RECEIPT_TYPES.map(rootElementOf).join(', ')}`);
  if (messageType === 'CEB816') return readTaxBill(parsed.body);
  const { element } = RECEIPT_BODIES[messageType];
  const texts = textsOf(single(parsed.body, element, rootElementOf(messageType)));
  const required = (name: string): string => {
    const value = texts[name];
    if (value === undefined || value === '') throw new UnreadableReceipt(`${rootElementOf(messageType)} ${element} has no ${name}`);
    return value;
  };
  const common = { guid: required('guid'), returnStatus: required('returnStatus'), returnTime: required('returnTime'), returnInfo: texts.returnInfo ?? '' };
  if (messageType === 'CEB900') {
    const quoted = texts.oriBizMessage;
    return { messageType, ...common, oriCopMsgId: texts.oriCopMsgId ?? '', oriMessageType: texts.oriMessageType ?? '', ...quotedIdentity(quoted), ...(quoted ? { oriBizMessage: quoted } : {}) };
  }
  // How a receipt finds its document: CEB312 by the order, the others by the system's copNo.
  const reference = messageType === 'CEB312' ? { orderNo: required('orderNo') } : { copNo: required('copNo') };
  const optional = (['preNo', 'invtNo', 'customsCode', 'ebpCode', 'ebcCode', 'agentCode'] as const).filter((name) => texts[name]);
  return { messageType, ...common, ...reference, ...Object.fromEntries(optional.map((name) => [name, texts[name]])) };
}

function single(parent: XmlElement, name: string, within: string): XmlElement {
  const found = elementsOf(parent, name);
  if (found.length === 0) throw new UnreadableReceipt(`${within} has no ${name}`);
  if (found.length > 1) throw new UnreadableReceipt(`${within} has ${found.length} ${name} elements; one is read`);
  const element = asElement(found[0]);
  if (!element) throw new UnreadableReceipt(`${within} ${name} is not an element with children`);
  return element;
}

function readTaxBill(body: XmlElement): TaxBillReceipt {
  const tax = single(body, 'Tax', 'CEB816Message');
  const head = textsOf(single(tax, 'TaxHeadRd', 'CEB816Message Tax'));
  const required = (name: (typeof TAX_HEAD_FIELDS)[number]): string => {
    const value = head[name];
    if (value === undefined || value === '') throw new UnreadableReceipt(`CEB816Message TaxHeadRd has no ${name}`);
    return value;
  };
  const amount = (name: 'customsTax' | 'valueAddedTax' | 'consumptionTax'): string => {
    const value = required(name);
    if (!DECIMAL.test(value)) throw new UnreadableReceipt(`CEB816Message TaxHeadRd ${name} "${value}" is not a decimal`);
    return value;
  };
  const lines = elementsOf(tax, 'TaxListRd')
    .map(asElement)
    .filter((line): line is XmlElement => line !== undefined)
    .map(textsOf)
    .filter((line) => TAX_LINE_FIELDS.every((name) => line[name] !== undefined))
    .map((line) => Object.fromEntries(TAX_LINE_FIELDS.map((name) => [name, line[name]])) as unknown as TaxBillLine);
  return {
    messageType: 'CEB816',
    guid: required('guid'),
    invtNo: required('invtNo'),
    taxNo: required('taxNo'),
    customsTax: amount('customsTax'),
    valueAddedTax: amount('valueAddedTax'),
    consumptionTax: amount('consumptionTax'),
    returnTime: required('returnTime'),
    status: required('status'),
    ...(lines.length > 0 ? { lines } : {}),
  };
}

/** The guid and copNo of the message a CEB900 quotes: the root's guid attribute or the first guid element, and the first copNo. */
function quotedIdentity(quoted: string | undefined): { oriGuid?: string; oriCopNo?: string } {
  if (!quoted) return {};
  const parsed = parseDocument(quoted);
  if ('problem' in parsed) return {};
  const oriGuid = parsed.attributes.guid ?? firstText(parsed.body, 'guid');
  const oriCopNo = firstText(parsed.body, 'copNo');
  return { ...(oriGuid ? { oriGuid } : {}), ...(oriCopNo ? { oriCopNo } : {}) };
}

/** The text of the first element named `name`, depth first. */
function firstText(element: XmlElement, name: string): string | undefined {
  for (const [childName, value] of Object.entries(element)) {
    if (childName.startsWith('@_')) continue;
    for (const child of Array.isArray(value) ? value : [value]) {
      if (childName === name && textOf(child)) return textOf(child);
      const nested = asElement(child);
      const found = nested && firstText(nested, name);
      if (found) return found;
    }
  }
  return undefined;
}

/** The receipt as a document, its elements in schema order (optional ones left out when empty). */
export function buildReceipt(receipt: Receipt): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(CEB_NAMESPACE, `${CEB_PREFIX}:${rootElementOf(receipt.messageType)}`, { guid: receipt.guid, version: '1.0' });
  if (receipt.messageType === 'CEB816') {
    const tax = child(root, 'Tax');
    writeFields(child(tax, 'TaxHeadRd'), TAX_HEAD_FIELDS, receipt as unknown as Record<string, string | undefined>);
    for (const line of receipt.lines ?? []) writeFields(child(tax, 'TaxListRd'), TAX_LINE_FIELDS, line as unknown as Record<string, string>);
  } else {
    const { element, fields } = RECEIPT_BODIES[receipt.messageType];
    const values: Record<string, string | undefined> = { ...(receipt as unknown as Record<string, string | undefined>) };
    // CEB900 quotes the message it checked; its text is escaped like any other value.
    if (receipt.messageType === 'CEB900') values.oriBizMessage = receipt.oriBizMessage ?? '';
    writeFields(child(root, element), fields, values, receipt.messageType === 'CEB900' ? ['returnInfo', 'oriCopMsgId', 'oriMessageType', 'oriBizMessage'] : ['returnInfo']);
  }
  return root.end({ prettyPrint: true });
}

function child(parent: XMLBuilder, name: string): XMLBuilder {
  return parent.ele(CEB_NAMESPACE, `${CEB_PREFIX}:${name}`);
}

/** Writes `fields` in order: those with a value, and those of `alwaysWritten` even when empty. */
function writeFields(parent: XMLBuilder, fields: readonly string[], values: Record<string, string | undefined>, alwaysWritten: readonly string[] = []): void {
  for (const name of fields) {
    const value = values[name];
    if (value !== undefined && value !== '') child(parent, name).txt(value);
    else if (alwaysWritten.includes(name)) child(parent, name);
  }
}
