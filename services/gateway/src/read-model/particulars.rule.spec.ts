import { DECLARATION_EVENTS, INSPECTION_EVENTS, LOGISTICS_EVENTS, ORDER_EVENTS, TAX_PERMIT_EVENTS } from '@cbec/contracts';
import { anOrder } from '@cbec/testing';
import { particularsAfter } from './particulars.rule';

const order = anOrder().directMail().consumer('11010519491231002X').withItem({ sku: 'CREAM', quantity: 2, unitPrice: '199.00' }).build();
const declaration = {
  ...order,
  declarationNumber: 'HZ1',
  consignee: order.consumer,
  logistics: { carrier: 'SF-INTL', waybillNumber: 'SF-ASSIGNED-1' },
  payment: { provider: 'alipay', transactionId: order.payment.transactionId, amount: order.payment.amount },
  documents: [{ kind: 'PACKING_LIST', providedBy: 'LOGISTICS', reference: 'PL-1' }],
  declaredAt: '2026-11-11T00:00:09.000Z',
};

describe('the particulars of an order', () => {
  it('takes the accepted order at confirmation, with the ID numbers and the phone masked', () => {
    const particulars = particularsAfter(null, ORDER_EVENTS.orderConfirmed, { order: order as never })!;
    expect(particulars.consignee).toMatchObject({ name: 'Li Wei', idNumber: '110105********002X', phone: '+86138****0000', address: order.consumer.address });
    expect(particulars.payment).toMatchObject({ payerName: 'Li Wei', payerIdNumber: '110105********002X', amount: order.payment.amount });
    expect(particulars.items).toEqual(order.items);
    expect(particulars.documents).toEqual([]);
    expect(JSON.stringify(particulars)).not.toContain('11010519491231002X');
    expect(JSON.stringify(particulars)).not.toContain('13800000000');
  });

  it('adds the declaration: its documents and the waybill, keeping what the order said of the payer', () => {
    const confirmed = particularsAfter(null, ORDER_EVENTS.orderConfirmed, { order: order as never });
    const declared = particularsAfter(confirmed, DECLARATION_EVENTS.declarationSubmitted, { declaration: declaration as never })!;
    expect(declared.logistics).toEqual({ carrier: 'SF-INTL', waybillNumber: 'SF-ASSIGNED-1' });
    expect(declared.payment).toMatchObject({ payerName: 'Li Wei', transactionId: order.payment.transactionId });
    expect(declared.declaredAt).toBe('2026-11-11T00:00:09.000Z');
    expect(declared.documents).toEqual([{ kind: 'PACKING_LIST', providedBy: 'LOGISTICS', reference: 'PL-1' }]);
  });

  it('adds each document once, those of logistics and the platform\'s proof alike', () => {
    let particulars = particularsAfter(null, LOGISTICS_EVENTS.documentsProvided, { documents: [{ kind: 'INVOICE', providedBy: 'LOGISTICS', reference: 'INV-1' }] as never, waybillNumber: 'SF9' });
    particulars = particularsAfter(particulars, DECLARATION_EVENTS.declarationSubmitted, { declaration: { ...declaration, documents: [{ kind: 'INVOICE', providedBy: 'LOGISTICS', reference: 'INV-1' }] } as never });
    particulars = particularsAfter(particulars, INSPECTION_EVENTS.proofReceived, { documents: [{ kind: 'TRANSACTION_RECORD', fileName: 'record.pdf', sha256: 'ab'.repeat(32) }] as never });
    expect(particulars!.documents).toEqual([
      { kind: 'INVOICE', providedBy: 'LOGISTICS', reference: 'INV-1' },
      { kind: 'TRANSACTION_RECORD', providedBy: 'PLATFORM', reference: 'record.pdf', sha256: 'ab'.repeat(32) },
    ]);
  });

  it('leaves the particulars as they are for an event that carries none', () => {
    const before = particularsAfter(null, ORDER_EVENTS.orderConfirmed, { order: order as never });
    expect(particularsAfter(before, TAX_PERMIT_EVENTS.taxPaid, {})).toBe(before);
    expect(particularsAfter(null, INSPECTION_EVENTS.approved, {})).toBeNull();
  });
});
