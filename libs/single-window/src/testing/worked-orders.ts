// The worked orders of the message specs: one of model I and one of model III, with every field
// the messages read set to a value that shows where it lands, and a declaration made of each.
import type { Declaration, OrderPlacedData } from '@cbec/contracts';
import { loadProfile } from '../profile/profile';
import type { MessageContext } from '../messages/build-messages';

/** 2026-11-11 10:03:04.005 in China. */
export const BUILT_AT = new Date('2026-11-11T02:03:04.005Z');
export const GUID = '6F1C8E2A-3B4D-4E5F-8A9B-0C1D2E3F4A5B';

export function messageContext(change: Partial<MessageContext> = {}): MessageContext {
  return { profile: loadProfile().profile, guid: GUID, at: BUILT_AT, buyerRegNoFor: (idNumber) => `hash-of-${idNumber.slice(-4)}`, ...change };
}

/** Model I: two items, the first with every optional field, the second with none; the order's own transport. */
export function directMailOrder(): OrderPlacedData {
  return {
    platformId: 'tmall-global',
    orderId: 'DM20261111000123',
    clearanceModel: 'DIRECT_MAIL',
    placedAt: '2026-11-11T00:00:01+08:00',
    currency: 'CNY',
    consumer: {
      name: '李伟',
      idType: 'CN_RESIDENT_ID',
      idNumber: '11010519491231002X',
      phone: '+8613800000000',
      address: { province: '浙江省', city: '杭州市', district: '西湖区', line1: '文三路1号 <B&B>', postalCode: '310000' },
      accountId: 'tmall-buyer-8899',
    },
    payment: { provider: 'alipay', transactionId: 'PAY-889900', payerName: '李伟', payerIdNumber: '11010519491231002X', amount: '1623.00', paidAt: '2026-11-11T00:00:05+08:00' },
    logistics: { carrier: 'SF-INTL', waybillNumber: 'SF1234567890', transport: { trafMode: '5', trafNo: 'CA1041', voyageNo: 'CA1041-1111', billNo: '999-12345675' } },
    items: [
      { sku: 'JP-CREAM-50', name: 'Face cream 50 ml', hsCode: '3304990099', quantity: 2, unitPrice: '199.00', originCountry: 'JP', grossWeightKg: '0.12', netWeightKg: '0.1', spec: 'Shiseido, 50 ml jar', unit: '122', barCode: '4901234567894' },
      { sku: 'FR-WATCH-0000000000001', name: 'Wrist watch', hsCode: '9102110000', quantity: 1, unitPrice: '1200', originCountry: 'FR', grossWeightKg: '0.35' },
    ],
    freight: '20.00',
    insurance: '5.00',
  };
}

/** Model III: one item with its account-book number, in the Hangzhou zone, without accountId or transport. */
export function bondedOrder(): OrderPlacedData {
  return {
    platformId: 'jd-worldwide',
    orderId: 'BZ20261111000456',
    clearanceModel: 'BONDED_ZONE',
    placedAt: '2026-11-11T00:00:01+08:00',
    currency: 'CNY',
    consumer: {
      name: 'Li Wei',
      idType: 'CN_RESIDENT_ID',
      idNumber: '11010519491231002X',
      phone: '13800000000',
      address: { province: 'Zhejiang', city: 'Hangzhou', line1: '1 Wensan Rd' },
    },
    payment: { provider: 'wechat-pay', transactionId: 'WX-4242', payerName: 'Li Wei', payerIdNumber: '11010519491231002X', amount: '418.00', paidAt: '2026-11-11T00:00:05+08:00' },
    logistics: { carrier: 'YUN-EXP', waybillNumber: 'YT9876543210' },
    bondedZone: 'HANGZHOU',
    items: [{ sku: 'KR-SERUM-30', name: 'Serum 30 ml', hsCode: '3304990099', quantity: 2, unitPrice: '199.00', originCountry: 'KR', grossWeightKg: '0.085', recordNo: 'HZ-BOOK-000123' }],
    freight: '20.00',
  };
}

/** The declaration of an order as the declaration service makes it. */
export function declarationOf(order: OrderPlacedData, declarationNumber: string): Declaration {
  return {
    declarationNumber,
    platformId: order.platformId,
    orderId: order.orderId,
    clearanceModel: order.clearanceModel,
    ...(order.bondedZone ? { bondedZone: order.bondedZone } : {}),
    placedAt: order.placedAt,
    currency: order.currency,
    consignee: order.consumer,
    logistics: { carrier: order.logistics.carrier, waybillNumber: order.logistics.waybillNumber as string, ...(order.logistics.transport ? { transport: order.logistics.transport } : {}) },
    payment: { provider: order.payment.provider, transactionId: order.payment.transactionId, amount: order.payment.amount },
    items: order.items,
    freight: order.freight ?? '0.00',
    insurance: order.insurance ?? '0.00',
    documents: [],
    declaredAt: '2026-11-11T00:00:10.000Z',
  };
}
