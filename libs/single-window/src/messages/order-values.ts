// What the messages take from the order (MESSAGES.md, the "value" column): one function per
// business element, each value named by the order-placed field it comes from. The builders add
// the profile's and the system's values; intake checks these alone, so an order whose values
// would not fit a message is refused where it comes in.
import { DEFAULT_ITEM_UNIT, DEFAULT_LEGAL_UNIT } from '@cbec/contracts';
import type { AddressData, ClearanceModel, ConsumerData, OrderItemData, OrderPlacedData, TransportData } from '@cbec/contracts';
import { customsCountryCode } from '../countries';
import { decimalText, money, sum, times } from './amounts';
import { ElementValue, ElementValues, fixed, fromOrder } from './element-values';

/** The Single Window's currency code of CNY. */
export const CNY_CODE = '142';
/** What CEB621 says when an item has no bar code. */
export const NO_BAR_CODE = '无';
/** CEB621 leaves out `itemNo` when the sku is longer than this. */
const INVENTORY_ITEM_NO_MAX = 20;

/** An order as the inventory list, its cancellation and its return declare it: the order, or the declaration made of it. */
export interface DeclaredOrder {
  orderId: string;
  clearanceModel: ClearanceModel;
  consignee: ConsumerData;
  logistics: { carrier: string; waybillNumber?: string; transport?: TransportData };
  items: readonly OrderItemData[];
  freight: string;
  insurance: string;
}

export function declaredOrderOf(order: OrderPlacedData): DeclaredOrder {
  return {
    orderId: order.orderId,
    clearanceModel: order.clearanceModel,
    consignee: order.consumer,
    logistics: order.logistics,
    items: order.items,
    freight: order.freight ?? '0.00',
    insurance: order.insurance ?? '0.00',
  };
}

/**
 * The consignee's address as one line. Parts are joined by one space: it reads right in the Latin
 * script platforms send ("Zhejiang Hangzhou Xihu 1 Wensan Rd"), and a space between Chinese
 * parts ("浙江省 杭州市 西湖区 文三路1号") is how a written address is often spaced too. A part
 * without text (district is optional) is left out, so no double space appears.
 */
export function addressLine(address: AddressData): string {
  return [address.province, address.city, address.district, address.line1]
    .map((part) => part?.trim())
    .filter((part): part is string => !!part)
    .join(' ');
}

const item = (index: number, field: keyof OrderItemData) => `items[${index}].${field}`;

function originCountry(line: OrderItemData, index: number): ElementValue {
  const code = customsCountryCode(line.originCountry);
  return fromOrder(item(index, 'originCountry'), code, code ? undefined : `${line.originCountry} has no customs country code (JGS-20) in the table`);
}

/** The item's gmodel: its spec, else its name. */
function specOf(line: OrderItemData, index: number): ElementValue {
  return line.spec !== undefined ? fromOrder(item(index, 'spec'), line.spec) : fromOrder(item(index, 'name'), line.name);
}

/** The item's unit: its own, else article. */
export function itemUnit(line: OrderItemData, index: number): ElementValue {
  return line.unit !== undefined ? fromOrder(item(index, 'unit'), line.unit) : fixed(DEFAULT_ITEM_UNIT);
}

const lineTotal = (line: OrderItemData) => times(line.unitPrice, line.quantity);
const netKilograms = (line: OrderItemData) => line.netWeightKg ?? line.grossWeightKg ?? '0';

/** OrderHead's values from the order. buyerRegNo is here only when the order gives accountId. */
export function orderHeadOrderValues(order: OrderPlacedData): ElementValues {
  const goodsValue = sum(order.items.map(lineTotal));
  const freight = order.freight ?? '0.00';
  const { consumer, payment } = order;
  return {
    orderNo: fromOrder('orderId', order.orderId),
    goodsValue: fromOrder('items', money(goodsValue)),
    freight: fromOrder('freight', money(freight)),
    // The tax is assessed after the order message, and discounts are not part of the contract.
    discount: fixed('0'),
    taxTotal: fixed('0'),
    acturalPaid: fromOrder('items', money(goodsValue.plus(freight))),
    currency: fixed(CNY_CODE),
    ...(consumer.accountId !== undefined ? { buyerRegNo: fromOrder('consumer.accountId', consumer.accountId) } : {}),
    buyerName: fromOrder('consumer.name', consumer.name),
    buyerTelephone: fromOrder('consumer.phone', consumer.phone),
    buyerIdType: fixed('1'),
    buyerIdNumber: fromOrder('consumer.idNumber', consumer.idNumber),
    payName: fromOrder('payment.provider', payment.provider),
    payTransactionId: fromOrder('payment.transactionId', payment.transactionId),
    consignee: fromOrder('consumer.name', consumer.name),
    consigneeTelephone: fromOrder('consumer.phone', consumer.phone),
    consigneeAddress: fromOrder('consumer.address', addressLine(consumer.address)),
  };
}

/** OrderList's values of the item at `index`. */
export function orderLineValues(line: OrderItemData, index: number): ElementValues {
  return {
    gnum: fixed(String(index + 1)),
    itemNo: fromOrder(item(index, 'sku'), line.sku),
    itemName: fromOrder(item(index, 'name'), line.name),
    gmodel: specOf(line, index),
    ...(line.barCode !== undefined ? { barCode: fromOrder(item(index, 'barCode'), line.barCode) } : {}),
    unit: itemUnit(line, index),
    qty: fromOrder(item(index, 'quantity'), decimalText(line.quantity)),
    price: fromOrder(item(index, 'unitPrice'), money(line.unitPrice)),
    totalPrice: fromOrder(item(index, 'unitPrice'), money(lineTotal(line))),
    currency: fixed(CNY_CODE),
    country: originCountry(line, index),
  };
}

/** The buyer's part of InventoryHead, InvtCancel and InvtRefundHead. */
export function declaredBuyerValues(order: DeclaredOrder): ElementValues {
  const { consignee } = order;
  return {
    orderNo: fromOrder('orderId', order.orderId),
    ...(order.logistics.waybillNumber !== undefined ? { logisticsNo: fromOrder('logistics.waybillNumber', order.logistics.waybillNumber) } : {}),
    buyerIdType: fixed('1'),
    buyerIdNumber: fromOrder('consumer.idNumber', consignee.idNumber),
    buyerName: fromOrder('consumer.name', consignee.name),
    buyerTelephone: fromOrder('consumer.phone', consignee.phone),
  };
}

/** InventoryHead's values from the order: model I's transport and origin country, the amounts and weights. */
export function inventoryHeadOrderValues(order: DeclaredOrder): ElementValues {
  const directMail = order.clearanceModel === 'DIRECT_MAIL';
  const transport = directMail ? order.logistics.transport : undefined;
  const grossWeight = sum(order.items.map((line) => times(line.grossWeightKg ?? '0', line.quantity)));
  const netWeight = sum(order.items.map((line) => times(netKilograms(line), line.quantity)));
  return {
    ...declaredBuyerValues(order),
    consigneeAddress: fromOrder('consumer.address', addressLine(order.consignee.address)),
    tradeMode: fixed(directMail ? '9610' : '1210'),
    ...(transport?.trafMode !== undefined ? { trafMode: fromOrder('logistics.transport.trafMode', transport.trafMode) } : {}),
    ...(transport?.trafNo !== undefined ? { trafNo: fromOrder('logistics.transport.trafNo', transport.trafNo) } : {}),
    ...(transport?.voyageNo !== undefined ? { voyageNo: fromOrder('logistics.transport.voyageNo', transport.voyageNo) } : {}),
    ...(transport?.billNo !== undefined ? { billNo: fromOrder('logistics.transport.billNo', transport.billNo) } : {}),
    // Model I: where the first item comes from; model III: the goods leave a bonded zone in China.
    country: directMail ? originCountry(order.items[0], 0) : fixed(CNY_CODE),
    freight: fromOrder('freight', money(order.freight)),
    insuredFee: fromOrder('insurance', money(order.insurance)),
    currency: fixed(CNY_CODE),
    packNo: fixed('1'),
    // An item without weights weighs nothing here: weights are optional in the order (CONTRACT 2.1).
    grossWeight: fromOrder('items', decimalText(grossWeight)),
    netWeight: fromOrder('items', decimalText(netWeight)),
  };
}

/**
 * InventoryList's values of the item at `index`. `legalUnit` is its tariff entry's; intake, which
 * does not know it yet, leaves qty1/unit1 out.
 */
export function inventoryLineValues(line: OrderItemData, index: number, model: ClearanceModel, legalUnit?: string): ElementValues {
  const legalQuantity: ElementValues = legalUnit === undefined ? {} : { qty1: fromOrder(item(index, 'quantity'), decimalText(legalUnit === DEFAULT_LEGAL_UNIT ? times(netKilograms(line), line.quantity) : line.quantity)), unit1: fixed(legalUnit) };
  return {
    gnum: fixed(String(index + 1)),
    ...(model === 'BONDED_ZONE' && line.recordNo !== undefined ? { itemRecordNo: fromOrder(item(index, 'recordNo'), line.recordNo) } : {}),
    ...([...line.sku.trim()].length <= INVENTORY_ITEM_NO_MAX ? { itemNo: fromOrder(item(index, 'sku'), line.sku) } : {}),
    itemName: fromOrder(item(index, 'name'), line.name),
    gcode: fromOrder(item(index, 'hsCode'), line.hsCode),
    gname: fromOrder(item(index, 'name'), line.name),
    gmodel: specOf(line, index),
    barCode: line.barCode !== undefined ? fromOrder(item(index, 'barCode'), line.barCode) : fixed(NO_BAR_CODE),
    country: originCountry(line, index),
    currency: fixed(CNY_CODE),
    qty: fromOrder(item(index, 'quantity'), decimalText(line.quantity)),
    unit: itemUnit(line, index),
    ...legalQuantity,
    price: fromOrder(item(index, 'unitPrice'), money(line.unitPrice)),
    totalPrice: fromOrder(item(index, 'unitPrice'), money(lineTotal(line))),
  };
}
