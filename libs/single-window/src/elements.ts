// The elements of every business element the system writes, in schema order, with whether each is
// required and its type and length (the Single Window's CBEC message standard, 2022-05 edition).
// The one home of these facts: the message builders write by this table and check every value
// against it, and order intake refuses an order whose values would break it.

export type ElementType =
  /** `min` to `max` characters (Unicode code points); `min` = `max` for a fixed length. */
  | { kind: 'text'; min: number; max: number }
  /** decimal(19,5): up to 19 digits, up to 5 after the point. */
  | { kind: 'decimal' }
  /** A whole number of at most `digits` digits. */
  | { kind: 'int'; digits: number };

export interface ElementSpec {
  name: string;
  required: boolean;
  type: ElementType;
}

const text = (min: number, max: number = min): ElementType => ({ kind: 'text', min, max });
const decimal: ElementType = { kind: 'decimal' };
const int = (digits = 9): ElementType => ({ kind: 'int', digits });

function elements(rows: [name: string, use: 'R' | 'O', type: ElementType][]): readonly ElementSpec[] {
  return Object.freeze(rows.map(([name, use, type]) => Object.freeze({ name, required: use === 'R', type })));
}

/** The repeated parts of the head of an inventory list, its cancellation and its return. */
const DECLARED_PARTIES = elements([
  ['ebpCode', 'R', text(1, 18)],
  ['ebpName', 'R', text(1, 100)],
  ['ebcCode', 'R', text(1, 18)],
  ['ebcName', 'R', text(1, 100)],
  ['logisticsNo', 'R', text(1, 60)],
  ['logisticsCode', 'R', text(1, 18)],
  ['logisticsName', 'R', text(1, 100)],
]);

const DECLARED_BUYER_AND_AGENT = elements([
  ['buyerIdType', 'R', text(1)],
  ['buyerIdNumber', 'R', text(1, 60)],
  ['buyerName', 'R', text(1, 60)],
  ['buyerTelephone', 'R', text(1, 30)],
  ['agentCode', 'R', text(1, 18)],
  ['agentName', 'R', text(1, 100)],
  ['reason', 'R', text(1, 1000)],
  ['note', 'O', text(0, 1000)],
]);

const APPLICATION = elements([
  ['guid', 'R', text(36)],
  ['appType', 'R', text(1)],
  ['appTime', 'R', text(14)],
  ['appStatus', 'R', text(1, 3)],
]);

/** Every business element the system writes, by the name of its XML element. */
export const ELEMENTS = {
  OrderHead: elements([
    ['guid', 'R', text(36)],
    ['appType', 'R', text(1)],
    ['appTime', 'R', text(14)],
    ['appStatus', 'R', text(1, 3)],
    ['orderType', 'R', text(1)],
    ['orderNo', 'R', text(1, 60)],
    ['ebpCode', 'R', text(1, 18)],
    ['ebpName', 'R', text(1, 100)],
    ['ebcCode', 'R', text(1, 18)],
    ['ebcName', 'R', text(1, 100)],
    ['goodsValue', 'R', decimal],
    ['freight', 'R', decimal],
    ['discount', 'R', decimal],
    ['taxTotal', 'R', decimal],
    ['acturalPaid', 'R', decimal],
    ['currency', 'R', text(3)],
    ['buyerRegNo', 'R', text(1, 60)],
    ['buyerName', 'R', text(1, 60)],
    ['buyerTelephone', 'R', text(1, 30)],
    ['buyerIdType', 'R', text(1)],
    ['buyerIdNumber', 'R', text(1, 60)],
    ['payCode', 'O', text(0, 18)],
    ['payName', 'O', text(0, 100)],
    ['payTransactionId', 'O', text(0, 60)],
    ['batchNumbers', 'O', text(0, 100)],
    ['consignee', 'R', text(1, 100)],
    ['consigneeTelephone', 'R', text(1, 50)],
    ['consigneeAddress', 'R', text(1, 200)],
    ['consigneeDistrict', 'O', text(6)],
    ['note', 'O', text(0, 1000)],
  ]),
  OrderList: elements([
    ['gnum', 'R', int()],
    ['itemNo', 'O', text(0, 30)],
    ['itemName', 'R', text(1, 250)],
    ['gmodel', 'R', text(1, 510)],
    ['itemDescribe', 'O', text(0, 1000)],
    ['barCode', 'O', text(0, 50)],
    ['unit', 'R', text(3)],
    ['qty', 'R', decimal],
    ['price', 'R', decimal],
    ['totalPrice', 'R', decimal],
    ['currency', 'R', text(3)],
    ['country', 'R', text(3)],
    ['note', 'O', text(0, 1000)],
  ]),
  InventoryHead: elements([
    ['guid', 'R', text(36)],
    ['appType', 'R', text(1)],
    ['appTime', 'R', text(14)],
    ['appStatus', 'R', text(1, 3)],
    ['orderNo', 'R', text(1, 60)],
    ...DECLARED_PARTIES.map(row),
    ['copNo', 'O', text(0, 20)],
    ['preNo', 'O', text(0, 18)],
    ['assureCode', 'R', text(1, 30)],
    ['emsNo', 'O', text(0, 30)],
    ['invtNo', 'O', text(0, 18)],
    ['ieFlag', 'R', text(1)],
    ['declTime', 'R', text(8)],
    ['customsCode', 'R', text(4)],
    ['portCode', 'R', text(4)],
    ['ieDate', 'O', text(8)],
    ['buyerIdType', 'R', text(1)],
    ['buyerIdNumber', 'R', text(1, 60)],
    ['buyerName', 'R', text(1, 60)],
    ['buyerTelephone', 'R', text(1, 30)],
    ['consigneeAddress', 'R', text(1, 200)],
    ['agentCode', 'R', text(1, 18)],
    ['agentName', 'R', text(1, 100)],
    ['areaCode', 'O', text(0, 18)],
    ['areaName', 'O', text(0, 100)],
    ['tradeMode', 'R', text(4)],
    ['trafMode', 'R', text(1)],
    ['trafNo', 'O', text(0, 100)],
    ['voyageNo', 'O', text(0, 32)],
    ['billNo', 'O', text(0, 37)],
    ['loctNo', 'O', text(0, 10)],
    ['licenseNo', 'O', text(0, 19)],
    ['country', 'R', text(3)],
    ['freight', 'R', decimal],
    ['insuredFee', 'R', decimal],
    ['currency', 'R', text(3)],
    ['wrapType', 'O', text(1)],
    ['packNo', 'R', int(9)],
    ['grossWeight', 'R', decimal],
    ['netWeight', 'R', decimal],
    ['note', 'O', text(0, 1000)],
  ]),
  InventoryList: elements([
    ['gnum', 'R', int()],
    ['itemRecordNo', 'O', text(0, 30)],
    ['itemNo', 'O', text(0, 20)],
    ['itemName', 'O', text(0, 250)],
    ['gcode', 'R', text(10)],
    ['gname', 'R', text(1, 250)],
    ['gmodel', 'R', text(1, 510)],
    ['barCode', 'O', text(0, 50)],
    ['country', 'R', text(3)],
    ['tradeCountry', 'O', text(1, 3)],
    ['currency', 'R', text(3)],
    ['qty', 'R', decimal],
    ['unit', 'R', text(3)],
    ['qty1', 'R', decimal],
    ['unit1', 'R', text(3)],
    ['qty2', 'O', decimal],
    ['unit2', 'O', text(3)],
    ['price', 'R', decimal],
    ['totalPrice', 'R', decimal],
    ['note', 'O', text(0, 1000)],
  ]),
  InvtCancel: elements([
    ...APPLICATION.map(row),
    ['customsCode', 'R', text(4)],
    ['orderNo', 'R', text(1, 60)],
    ...DECLARED_PARTIES.map(row),
    ['copNo', 'O', text(0, 20)],
    ['preNo', 'O', text(0, 18)],
    ['invtNo', 'R', text(1, 18)],
    ...DECLARED_BUYER_AND_AGENT.map(row),
  ]),
  InvtRefundHead: elements([
    ...APPLICATION.map(row),
    ['customsCode', 'R', text(4)],
    ['orderNo', 'R', text(1, 60)],
    ...DECLARED_PARTIES.map(row),
    ['copNo', 'O', text(0, 20)],
    ['preNo', 'O', text(0, 18)],
    ['invtNo', 'R', text(1, 18)],
    ...DECLARED_BUYER_AND_AGENT.map(row),
  ]),
  InvtRefundList: elements([
    ['gnum', 'R', int()],
    ['gcode', 'R', text(10)],
    ['gname', 'R', text(1, 250)],
    ['qty', 'R', decimal],
    ['unit', 'R', text(3)],
    ['note', 'O', text(0, 1000)],
  ]),
  BaseTransfer: elements([
    ['copCode', 'R', text(1, 18)],
    ['copName', 'R', text(0, 100)],
    ['dxpMode', 'R', text(3)],
    ['dxpId', 'R', text(0, 30)],
    ['note', 'O', text(0, 1000)],
  ]),
} as const;

export type BusinessElement = keyof typeof ELEMENTS;

function row(spec: ElementSpec): [string, 'R' | 'O', ElementType] {
  return [spec.name, spec.required ? 'R' : 'O', spec.type];
}

/** The spec of one element; throws for a name the table does not have (a programming error). */
export function elementSpec(group: BusinessElement, name: string): ElementSpec {
  const spec = ELEMENTS[group].find((candidate) => candidate.name === name);
  if (!spec) throw new Error(`${group} has no element ${name}`);
  return spec;
}

/** At most this many lines (OrderList, InventoryList, InvtRefundList) in one message. */
export const MAX_LINES = 99;

const DECIMAL_19_5 = /^-?(\d+)(?:\.(\d{1,5}))?$/;

/** Why `value` cannot be written in an element of this spec, or undefined when it can. */
export function valueProblem(spec: ElementSpec, value: string): string | undefined {
  const { type } = spec;
  if (type.kind === 'text') {
    const length = [...value].length;
    if (length < type.min || length > type.max) {
      const allowed = type.min === type.max ? `exactly ${type.min}` : type.min <= 1 ? `at most ${type.max}` : `${type.min} to ${type.max}`;
      return `is ${length} characters, ${allowed} allowed`;
    }
    return undefined;
  }
  if (type.kind === 'int') return /^\d+$/.test(value) && value.length <= type.digits ? undefined : `must be a whole number of at most ${type.digits} digits`;
  const match = DECIMAL_19_5.exec(value);
  if (!match) return 'must be a decimal number';
  const digits = match[1].replace(/^0+(?=\d)/, '').length + (match[2]?.length ?? 0);
  return digits <= 19 ? undefined : 'has more than 19 digits';
}
