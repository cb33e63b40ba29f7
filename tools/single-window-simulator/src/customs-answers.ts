// What the simulated Single Window answers to each message the system sends (CONTRACT 8.6), as
// data: the receipts in their order, without the guid and returnTime each gets when it is written.
// An inventory list is declared (2), then accepted with an invtNo (120), released (800) and taxed
// (CEB816, the rules of CONTRACT 4.3 on the seed tariff, within the retail limits); a model III
// list with a line lacking its account-book number is returned (100). Cancellations, returns and
// orders are accepted (120). A message whose signature does not hold gets a format check (CEB900).
import { createHash } from 'node:crypto';
import type { ClearanceModel } from '@cbec/contracts';
import { assessTax, findTariffEntry, TARIFF_SEED, taxAtFullRates, TaxLineInput } from '@cbec/domain';
import { chinaTime, readMessage, Receipt, SentMessage, verifyMessage } from '@cbec/single-window';

type Draft<R> = R extends Receipt ? Omit<R, 'guid' | 'returnTime'> : never;
/** A receipt to write: its guid and returnTime are given when it is written. */
export type ReceiptDraft = Draft<Receipt>;

/** The trade modes of the inventory list's head, by model. */
const MODEL_OF_TRADE_MODE: Record<string, ClearanceModel> = { '9610': 'DIRECT_MAIL', '1210': 'BONDED_ZONE' };

/**
 * The receipts `xml` (the file `fileName` of the out folder) gets, in order. Throws for a file
 * that is not one of the system's messages, or lacks what its receipts must name.
 */
export function answersTo(fileName: string, xml: string, now: Date): ReceiptDraft[] {
  const message = readMessage(xml);
  const signature = verifyMessage(xml);
  if (!signature.valid) {
    return [{ messageType: 'CEB900', returnStatus: '-1', returnInfo: `the signature does not hold: ${signature.reason}`, oriCopMsgId: fileName, oriMessageType: message.messageType, oriBizMessage: xml }];
  }
  switch (message.messageType) {
    case 'CEB311':
      return [{ messageType: 'CEB312', orderNo: required(message, 'orderNo'), ebpCode: message.head.ebpCode, ebcCode: message.head.ebcCode, returnStatus: '120', returnInfo: 'order accepted (simulated)' }];
    case 'CEB621':
      return inventoryAnswers(message, now);
    case 'CEB623':
      return [{ messageType: 'CEB624', copNo: required(message, 'copNo'), invtNo: message.head.invtNo, returnStatus: '120', returnInfo: 'cancellation accepted (simulated)' }];
    case 'CEB625':
      return [{ messageType: 'CEB626', copNo: required(message, 'copNo'), invtNo: message.head.invtNo, returnStatus: '120', returnInfo: 'return accepted (simulated)' }];
  }
}

function inventoryAnswers(list: SentMessage, now: Date): ReceiptDraft[] {
  const copNo = required(list, 'copNo');
  const customsCode = required(list, 'customsCode');
  const model = MODEL_OF_TRADE_MODE[required(list, 'tradeMode')];
  if (!model) throw new Error(`CEB621 ${copNo}: tradeMode ${list.head.tradeMode} is neither 9610 nor 1210`);
  const preNo = preNoOf(copNo, now);
  const parties = { customsCode, ebpCode: list.head.ebpCode, ebcCode: list.head.ebcCode, agentCode: list.head.agentCode };
  const receipt = (returnStatus: string, returnInfo: string, invtNo?: string): ReceiptDraft => ({ messageType: 'CEB622', copNo, preNo, ...(invtNo ? { invtNo } : {}), returnStatus, returnInfo, ...parties });
  const declaring = receipt('2', 'declaring: sent to customs (simulated)');
  const unrecorded = model === 'BONDED_ZONE' ? list.lines.find((line) => !line.itemRecordNo) : undefined;
  if (unrecorded) return [declaring, receipt('100', `returned: line ${unrecorded.gnum} has no itemRecordNo, the bonded zone's account-book item number (simulated)`)];
  const invtNo = invtNoOf(customsCode, copNo, now);
  return [declaring, receipt('120', 'accepted by customs (simulated)', invtNo), receipt('800', 'released (simulated)', invtNo), taxBill(list, model, invtNo)];
}

/** The CEB816 of a list: CONTRACT 4.3 on the seed tariff, the consumer's annual total taken as within its limit. */
export function taxBill(list: SentMessage, model: ClearanceModel, invtNo: string): ReceiptDraft {
  const lines: TaxLineInput[] = list.lines.map((line) => {
    const entry = findTariffEntry(TARIFF_SEED, line.gcode ?? '');
    if (!entry) throw new Error(`CEB621 ${list.head.copNo}: no tariff entry of the seed covers gcode ${line.gcode}`);
    return { sku: line.gnum, quantity: Number(line.qty), unitPrice: line.price, rates: entry };
  });
  const input = { model, lines, freight: list.head.freight ?? '0', insurance: list.head.insuredFee ?? '0', annualTotalBefore: '0.00' };
  const assessed = assessTax(input);
  // Above the single limit an order never reaches customs; should one, it is billed at full rates.
  const { lines: taxed, totals } = assessed.ok ? assessed : taxAtFullRates(input);
  return {
    messageType: 'CEB816',
    invtNo,
    taxNo: `${invtNo}01`,
    customsTax: totals.duty,
    valueAddedTax: totals.vat,
    consumptionTax: totals.consumptionTax,
    status: '1',
    lines: taxed.map((line, index) => ({ gnum: list.lines[index].gnum, gcode: list.lines[index].gcode, taxPrice: line.dutiableValue, customsTax: line.duty, valueAddedTax: line.vat, consumptionTax: line.consumptionTax })),
  };
}

/** 4 digits of customs, 4 of the year, `I`, 9 of serial (18 characters); the same list gets the same number. */
export function invtNoOf(customsCode: string, copNo: string, now: Date): string {
  return `${customsCode}${chinaTime(now, 'yyyyMMdd').slice(0, 4)}I${serialOf(copNo, 9)}`;
}

/** The pre-entry number of the exchange: `B`, the year, 13 digits (18 characters). */
export function preNoOf(copNo: string, now: Date): string {
  return `B${chinaTime(now, 'yyyyMMdd').slice(0, 4)}${serialOf(`pre:${copNo}`, 13)}`;
}

function serialOf(seed: string, digits: number): string {
  const number = BigInt(`0x${createHash('sha256').update(seed).digest('hex').slice(0, 16)}`) % 10n ** BigInt(digits);
  return number.toString().padStart(digits, '0');
}

function required(message: SentMessage, name: string): string {
  const value = message.head[name];
  if (!value) throw new Error(`${message.messageType} has no ${name}: nothing to answer it by`);
  return value;
}
