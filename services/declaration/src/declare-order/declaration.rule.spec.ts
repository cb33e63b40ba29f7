import type { AttachedDocument } from '@cbec/contracts';
import { anOrder } from '@cbec/testing';
import { buildDeclaration, declarationSubmitted, logisticsDocuments, planDeclaration } from './declaration.rule';

const declaredAt = new Date('2026-11-11T00:10:00Z');

describe('planDeclaration', () => {
  it('asks logistics for the packing list, invoice and contract of a direct-mail order', () => {
    expect(planDeclaration(anOrder().directMail().build())).toEqual({ action: 'REQUEST_DOCUMENTS', requestedDocuments: ['PACKING_LIST', 'INVOICE', 'CONTRACT'] });
  });

  it('declares a general-trade order at once with no documents', () => {
    expect(planDeclaration(anOrder().generalTrade().build())).toEqual({ action: 'SUBMIT', documents: [] });
  });

  it('declares a bonded order at once with the invoice and transaction record of its order and payment', () => {
    const order = anOrder().bonded('ZHENGZHOU').id('TG-42').build();
    expect(planDeclaration(order)).toEqual({
      action: 'SUBMIT',
      documents: [
        { kind: 'INVOICE', providedBy: 'ORDER', reference: 'INV-TG-42' },
        { kind: 'TRANSACTION_RECORD', providedBy: 'ORDER', reference: order.payment.transactionId },
      ],
    });
  });
});

describe('logisticsDocuments', () => {
  it('attaches what logistics provided as provided by logistics', () => {
    const provided = [
      { kind: 'PACKING_LIST', providedBy: 'LOGISTICS', reference: 'PL-1' },
      { kind: 'INVOICE', providedBy: 'ORDER', reference: 'CI-1' },
    ] as AttachedDocument[];
    expect(logisticsDocuments(provided)).toEqual([
      { kind: 'PACKING_LIST', providedBy: 'LOGISTICS', reference: 'PL-1' },
      { kind: 'INVOICE', providedBy: 'LOGISTICS', reference: 'CI-1' },
    ]);
  });
});

describe('buildDeclaration', () => {
  it('copies the order: consignee, logistics, payment, items, freight and insurance', () => {
    const order = anOrder().bonded('HANGZHOU').withItem({ quantity: 2, unitPrice: '199.00' }).freight('20.00').insurance('1.50').build();
    const documents: AttachedDocument[] = [{ kind: 'INVOICE', providedBy: 'ORDER', reference: `INV-${order.orderId}` }];
    expect(buildDeclaration({ declarationNumber: 'CBEC2026000000000001', order, documents, declaredAt })).toEqual({
      declarationNumber: 'CBEC2026000000000001',
      platformId: order.platformId,
      orderId: order.orderId,
      clearanceModel: 'BONDED_ZONE',
      bondedZone: 'HANGZHOU',
      placedAt: order.placedAt,
      currency: 'CNY',
      consignee: order.consumer,
      logistics: { carrier: order.logistics.carrier, waybillNumber: order.logistics.waybillNumber },
      payment: { provider: order.payment.provider, transactionId: order.payment.transactionId, amount: '419.50' },
      items: order.items,
      freight: '20.00',
      insurance: '1.50',
      documents,
      declaredAt: '2026-11-11T00:10:00.000Z',
    });
  });

  it.each([
    ['the waybill logistics provided over the order’s', { waybill: 'SF-ORDER', provided: 'SF-LOGISTICS' }, 'SF-LOGISTICS'],
    ['the waybill logistics assigned to an order without one', { waybill: undefined, provided: 'SF-LOGISTICS' }, 'SF-LOGISTICS'],
    ['the order’s waybill when logistics provided none', { waybill: 'SF-ORDER', provided: undefined }, 'SF-ORDER'],
  ])('declares %s', (_, { waybill, provided }, expected) => {
    const order = anOrder().directMail().with((o) => (o.logistics.waybillNumber = waybill)).build();
    expect(buildDeclaration({ declarationNumber: 'N', order, documents: [], waybillNumber: provided, declaredAt }).logistics.waybillNumber).toBe(expected);
  });

  it.each([
    ['freight', (o: any) => delete o.freight, 'freight'],
    ['insurance', (o: any) => delete o.insurance, 'insurance'],
  ] as const)('declares %s as "0.00" when the order has none', (_, change, field) => {
    const declaration = buildDeclaration({ declarationNumber: 'N', order: anOrder().generalTrade().with(change).build(), documents: [], declaredAt });
    expect(declaration[field]).toBe('0.00');
  });

  it('leaves the bonded zone out outside model III', () => {
    expect(buildDeclaration({ declarationNumber: 'N', order: anOrder().generalTrade().build(), documents: [], declaredAt })).not.toHaveProperty('bondedZone');
  });

  it('refuses to declare without any waybill', () => {
    const order = anOrder().directMail().with((o) => delete o.logistics.waybillNumber).build();
    expect(() => buildDeclaration({ declarationNumber: 'N', order, documents: [], declaredAt })).toThrow(/no waybill/);
  });
});

describe('declarationSubmitted', () => {
  it('says which order and model the declaration is about', () => {
    const declaration = buildDeclaration({ declarationNumber: 'N', order: anOrder().bonded().build(), documents: [], declaredAt });
    expect(declarationSubmitted(declaration)).toEqual({ platformId: declaration.platformId, orderId: declaration.orderId, clearanceModel: 'BONDED_ZONE', declaration });
  });
});
