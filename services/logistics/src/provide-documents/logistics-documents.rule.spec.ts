import { LOGISTICS_EVENTS } from '@cbec/contracts';
import { anOrder } from '@cbec/testing';
import { logisticsDocumentsFor, shipmentWithDocuments, waybillNumberFor } from './logistics-documents.rule';

describe('waybillNumberFor', () => {
  it.each([
    ['the letters before the dash of SF-INTL', 'SF-INTL', 42, 'SF000000000042'],
    ['a lower-case carrier, upper-cased', 'ems', '123456789012', 'EMS123456789012'],
    ['a code with digits', '4PX Express', 7n, '4PX000000000007'],
    ['at most 4 characters of a long name', 'YUNEXPRESS', 1, 'YUNE000000000001'],
    ['WB for a name with no letters or digits up front', '--', 1, 'WB000000000001'],
  ] as const)('takes %s', (_, carrier, serial, expected) => {
    expect(waybillNumberFor(carrier, serial)).toBe(expected);
  });

  it('always ends in 12 digits', () => {
    expect(waybillNumberFor('SF-INTL', 999_999_999_999)).toMatch(/^SF\d{12}$/);
  });

  it.each([['a 13-digit serial', 1_000_000_000_000], ['a negative serial', -1], ['a non-number', 'abc']])('refuses %s', (_, serial) => {
    expect(() => waybillNumberFor('SF-INTL', serial)).toThrow(/12 digits/);
  });
});

describe('logisticsDocumentsFor', () => {
  it('gives each requested kind a reference tied to the waybill, by the logistics company', () => {
    expect(logisticsDocumentsFor(['PACKING_LIST', 'INVOICE', 'CONTRACT'], 'SF000000000042')).toEqual([
      { kind: 'PACKING_LIST', providedBy: 'LOGISTICS', reference: 'PL-SF000000000042' },
      { kind: 'INVOICE', providedBy: 'LOGISTICS', reference: 'CI-SF000000000042' },
      { kind: 'CONTRACT', providedBy: 'LOGISTICS', reference: 'CT-SF000000000042' },
    ]);
  });

  it('gives a kind asked twice once', () => {
    expect(logisticsDocumentsFor(['INVOICE', 'INVOICE'], 'W1').map((d) => d.reference)).toEqual(['CI-W1']);
  });

  it('gives nothing when nothing is asked', () => {
    expect(logisticsDocumentsFor([], 'W1')).toEqual([]);
  });
});

describe('shipmentWithDocuments', () => {
  const order = anOrder().id('TG1').directMail().build();
  const request = { platformId: order.platformId, orderId: 'TG1', clearanceModel: 'DIRECT_MAIL' as const, requestedDocuments: ['PACKING_LIST' as const, 'INVOICE' as const], order };

  it('opens the shipment with the documents and the waybill, and answers the declaration at the same step', () => {
    const { state, publish } = shipmentWithDocuments(request, 'SF000000000042', 4, 'tmall-global/TG1');
    expect(state).toMatchObject({ status: 'DOCUMENTS_READY', step: 4, carrier: 'SF-INTL', waybillNumber: 'SF000000000042', documents: logisticsDocumentsFor(['PACKING_LIST', 'INVOICE'], 'SF000000000042') });
    expect(publish).toEqual([expect.objectContaining({ type: LOGISTICS_EVENTS.documentsProvided, subject: 'tmall-global/TG1', step: 4, data: expect.objectContaining({ waybillNumber: 'SF000000000042', documents: state.documents }) })]);
  });
});
