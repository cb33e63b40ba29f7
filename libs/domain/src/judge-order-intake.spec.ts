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

describe('judgeOrderIntake, the new optional fields of CONTRACT 8.2', () => {
  it('accepts them, and hands them on', () => {
    const verdict = verdictOf((order) => {
      order.consumer.accountId = 'buyer-8899';
      order.logistics.transport = { trafMode: '5', trafNo: 'CA1041', voyageNo: 'CA1041-1111', billNo: '999-12345675' };
      Object.assign(order.items[0], { spec: 'Shiseido, 50 ml jar', unit: '122', barCode: '4901234567894', recordNo: 'HZ-BOOK-1', netWeightKg: '0.1' });
    });
    expect(verdict.ok && verdict.order.items[0]).toMatchObject({ spec: 'Shiseido, 50 ml jar', unit: '122', recordNo: 'HZ-BOOK-1', netWeightKg: '0.1' });
    expect(verdict.ok && verdict.order.logistics.transport).toEqual({ trafMode: '5', trafNo: 'CA1041', voyageNo: 'CA1041-1111', billNo: '999-12345675' });
  });

  it.each<[string, (order: Record<string, any>) => void]>([
    ['items[0].spec', (order) => (order.items[0].spec = 's'.repeat(511))],
    ['items[0].spec', (order) => (order.items[0].spec = '')],
    ['items[0].unit', (order) => (order.items[0].unit = '11')],
    ['items[0].barCode', (order) => (order.items[0].barCode = '1'.repeat(51))],
    ['items[0].recordNo', (order) => (order.items[0].recordNo = 'R'.repeat(31))],
    ['items[0].netWeightKg', (order) => (order.items[0].netWeightKg = '0.1234')],
    ['items[0].netWeightKg', (order) => (order.items[0].netWeightKg = null)],
    ['consumer.accountId', (order) => (order.consumer.accountId = 'a'.repeat(61))],
    ['logistics.transport.trafMode', (order) => (order.logistics.transport = { trafMode: '3' })],
    ['logistics.transport', (order) => (order.logistics.transport = 'by air')],
  ])('refuses a bad %s in every model (INVALID_ORDER)', (field, change) => {
    for (const model of ['DIRECT_MAIL', 'GENERAL_TRADE', 'BONDED_ZONE']) {
      const verdict = verdictOf((order) => {
        order.clearanceModel = model;
        change(order);
      });
      expect(verdict).toMatchObject({ ok: false, reasonCode: 'INVALID_ORDER', details: [expect.objectContaining({ field })] });
    }
  });
});

describe('judgeOrderIntake, what the Single Window\'s messages hold (models I and III, CONTRACT 8.2)', () => {
  const address = (order: Record<string, any>, length: number) => {
    order.consumer.address = { province: 'Zhejiang', city: 'Hangzhou', line1: 'x'.repeat(length - 'Zhejiang Hangzhou '.length) };
  };
  const items = (order: Record<string, any>, count: number) => {
    order.items = Array.from({ length: count }, (_, index) => ({ ...order.items[0], sku: `SKU-${index}` }));
  };

  it.each<[string, (order: Record<string, any>) => void, string]>([
    ['items[0].originCountry', (order) => (order.items[0].originCountry = 'XX'), 'items[0].originCountry XX has no customs country code (JGS-20) in the table (OrderList.country)'],
    ['consumer.address', (order) => address(order, 201), 'consumer.address is 201 characters, at most 200 allowed (OrderHead.consigneeAddress)'],
    ['consumer.name', (order) => (order.consumer.name = order.payment.payerName = 'N'.repeat(61)), 'consumer.name is 61 characters, at most 60 allowed (OrderHead.buyerName)'],
    ['items[0].name', (order) => (order.items[0].name = 'n'.repeat(251)), 'items[0].name is 251 characters, at most 250 allowed (OrderList.itemName)'],
    ['items[0].sku', (order) => (order.items[0].sku = 'S'.repeat(31)), 'items[0].sku is 31 characters, at most 30 allowed (OrderList.itemNo)'],
    ['orderId', (order) => (order.orderId = 'O'.repeat(61)), 'orderId is 61 characters, at most 60 allowed (OrderHead.orderNo)'],
    ['payment.provider', (order) => (order.payment.provider = 'p'.repeat(101)), 'payment.provider is 101 characters, at most 100 allowed (OrderHead.payName)'],
    ['payment.transactionId', (order) => (order.payment.transactionId = 't'.repeat(61)), 'payment.transactionId is 61 characters, at most 60 allowed (OrderHead.payTransactionId)'],
    ['logistics.waybillNumber', (order) => (order.logistics.waybillNumber = 'W'.repeat(61)), 'logistics.waybillNumber is 61 characters, at most 60 allowed (InventoryHead.logisticsNo)'],
    ['items', (order) => items(order, 100), 'items has 100 lines, at most 99 allowed in one message (OrderList)'],
  ])('refuses %s in models I and III, never cuts it, and lets model II pass', (field, change, message) => {
    for (const model of ['DIRECT_MAIL', 'BONDED_ZONE']) {
      const verdict = verdictOf((order) => {
        order.clearanceModel = model;
        change(order);
      });
      expect(verdict).toEqual({ ok: false, reasonCode: 'INVALID_ORDER', details: [{ field, message }] });
    }
    const generalTrade = verdictOf((order) => {
      order.clearanceModel = 'GENERAL_TRADE';
      delete order.bondedZone;
      change(order);
    });
    expect(generalTrade).not.toMatchObject({ reasonCode: 'INVALID_ORDER' });
  });

  it('accepts the longest values the messages hold', () => {
    const verdict = verdictOf((order) => {
      address(order, 200);
      order.consumer.name = order.payment.payerName = 'N'.repeat(60);
      order.items[0].name = 'n'.repeat(250);
      order.items[0].sku = 'S'.repeat(30);
      order.orderId = 'O'.repeat(60);
      items(order, 99);
      order.payment.amount = '39422.00';
    });
    expect(verdict).toMatchObject({ ok: true });
  });

  it('checks model I\'s transport against InventoryHead, not model III\'s (which travels as its zone says)', () => {
    const change = (order: Record<string, any>) => (order.logistics.transport = { trafNo: 'T'.repeat(101), voyageNo: 'V'.repeat(33), billNo: 'B'.repeat(38) });
    const directMail = verdictOf((order) => ((order.clearanceModel = 'DIRECT_MAIL'), change(order)));
    expect(!directMail.ok && directMail.details.map((detail) => detail.message)).toEqual([
      'logistics.transport.trafNo is 101 characters, at most 100 allowed (InventoryHead.trafNo)',
      'logistics.transport.voyageNo is 33 characters, at most 32 allowed (InventoryHead.voyageNo)',
      'logistics.transport.billNo is 38 characters, at most 37 allowed (InventoryHead.billNo)',
    ]);
    expect(verdictOf(change).ok).toBe(true);
  });

  it('names a field that breaks several elements once', () => {
    const verdict = verdictOf((order) => (order.consumer.name = order.payment.payerName = 'N'.repeat(101)));
    expect(!verdict.ok && verdict.details).toHaveLength(1);
  });
});
