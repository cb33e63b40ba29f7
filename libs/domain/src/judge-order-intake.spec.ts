import { judgeOrderIntake } from './judge-order-intake';

const TODAY = new Date('2026-11-11T12:00:00+08:00');

/** The order-placed example of CONTRACT 2.1, as a platform sends it (plain JSON). */
function anOrderPlaced(): Record<string, any> {
  return {
    platformId: 'tmall-global',
    orderId: 'TG20261111000123',
    clearanceModel: 'BONDED_ZONE',
    placedAt: '2026-11-11T00:00:01+08:00',
    currency: 'CNY',
    consumer: {
      name: 'Li Wei',
      idType: 'CN_RESIDENT_ID',
      idNumber: '11010519491231002X',
      phone: '+8613800000000',
      address: { province: 'Zhejiang', city: 'Hangzhou', district: 'Xihu', line1: '1 Wensan Rd', postalCode: '310000' },
    },
    payment: { provider: 'alipay', transactionId: 'PAY-889900', payerName: 'Li Wei', payerIdNumber: '11010519491231002X', amount: '418.00', paidAt: '2026-11-11T00:00:05+08:00' },
    logistics: { carrier: 'SF-INTL', waybillNumber: 'SF1234567890' },
    bondedZone: 'HANGZHOU',
    items: [{ sku: 'JP-CREAM-50', name: 'Face cream 50 ml', hsCode: '3304990099', quantity: 2, unitPrice: '199.00', originCountry: 'JP', grossWeightKg: '0.12' }],
    freight: '20.00',
    insurance: '0.00',
  };
}

function verdictOf(change: (order: Record<string, any>) => void) {
  const order = anOrderPlaced();
  change(order);
  return judgeOrderIntake(order, TODAY);
}

describe('judgeOrderIntake', () => {
  it('confirms the contract example and hands back the typed order', () => {
    const verdict = judgeOrderIntake(anOrderPlaced(), TODAY);
    expect(verdict.ok && verdict.order.items[0].unitPrice).toBe('199.00');
  });

  it('lists every field error at once, the ID checksum included', () => {
    const verdict = verdictOf((order) => {
      order.consumer.idNumber = '110105194912310021';
      order.items[0].hsCode = '3304';
    });
    expect(verdict).toMatchObject({ ok: false, reasonCode: 'INVALID_ORDER' });
    expect(!verdict.ok && verdict.details.map((detail) => detail.field).sort()).toEqual(['consumer.idNumber', 'items[0].hsCode']);
  });

  it('refuses a birth date after today (2026-11-12, a day ahead) as a field error', () => {
    const verdict = verdictOf((order) => (order.consumer.idNumber = order.payment.payerIdNumber = '310115202611120035'));
    expect(verdict).toEqual({ ok: false, reasonCode: 'INVALID_ORDER', details: [{ field: 'consumer.idNumber', message: 'consumer.idNumber has no valid birth date (YYYYMMDD from 1900 to today)' }] });
  });

  it('requires a waybill number for general trade and bonded zone, not for direct mail', () => {
    expect(verdictOf((order) => delete order.logistics.waybillNumber)).toMatchObject({ ok: false, reasonCode: 'INVALID_ORDER', details: [{ field: 'logistics.waybillNumber' }] });
    expect(verdictOf((order) => {
      delete order.logistics.waybillNumber;
      order.clearanceModel = 'DIRECT_MAIL';
      delete order.bondedZone;
    }).ok).toBe(true);
  });

  it('refuses what is not an object', () => {
    expect(judgeOrderIntake('an order', TODAY)).toMatchObject({ ok: false, reasonCode: 'INVALID_ORDER' });
  });

  it('checks fields first, then currency, then identity, then payment', () => {
    const wrong = (order: Record<string, any>) => {
      order.currency = 'USD';
      order.payment.payerName = 'Wang Fang';
      order.payment.amount = '1.00';
    };
    expect(verdictOf((order) => (wrong(order), (order.items[0].quantity = 0)))).toMatchObject({ reasonCode: 'INVALID_ORDER' });
    expect(verdictOf(wrong)).toMatchObject({ reasonCode: 'UNSUPPORTED_CURRENCY' });
    expect(verdictOf((order) => (wrong(order), (order.currency = 'CNY')))).toMatchObject({ reasonCode: 'IDENTITY_MISMATCH' });
    expect(verdictOf((order) => (wrong(order), (order.currency = 'CNY'), (order.payment.payerName = 'Li Wei')))).toMatchObject({ reasonCode: 'PAYMENT_MISMATCH' });
  });

  it('reads an invalid currency code as a field error, a valid other one as UNSUPPORTED_CURRENCY', () => {
    expect(verdictOf((order) => (order.currency = 'XYZ'))).toMatchObject({ reasonCode: 'INVALID_ORDER' });
    expect(verdictOf((order) => (order.currency = 'HKD'))).toMatchObject({ reasonCode: 'UNSUPPORTED_CURRENCY' });
  });
});
