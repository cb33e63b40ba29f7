import { readQuoteRequest } from './quote-request.rule';

describe('readQuoteRequest', () => {
  const body = { clearanceModel: 'BONDED_ZONE', currency: 'CNY', items: [{ sku: 'JP-CREAM-50', hsCode: '3304990099', quantity: 2, unitPrice: '199.00' }], freight: '20.00' };

  it('reads a quote with or without a consumer', () => {
    expect(readQuoteRequest(body).request).toMatchObject(body);
    expect(readQuoteRequest({ ...body, consumer: { idNumber: '11010519491231002X' } }).request?.consumer).toEqual({ idNumber: '11010519491231002X' });
  });

  it.each([
    [{ ...body, clearanceModel: 'MODEL_IV' }, 'clearanceModel'],
    [{ ...body, currency: 'XYZ' }, 'currency'],
    [{ ...body, items: [] }, 'items'],
    [{ ...body, items: [{ ...body.items[0], hsCode: '3304' }] }, 'items[0].hsCode'],
    [{ ...body, items: [{ ...body.items[0], quantity: 0 }] }, 'items[0].quantity'],
    [{ ...body, items: [{ ...body.items[0], unitPrice: '0.00' }] }, 'items[0].unitPrice'],
    [{ ...body, freight: 20 }, 'freight'],
    [{ ...body, insurance: '-1.00' }, 'insurance'],
    [{ ...body, consumer: { idNumber: '123' } }, 'consumer.idNumber'],
    [{ ...body, consumer: { idNumber: '110105194912310021' } }, 'consumer.idNumber'],
  ])('names the bad field %#', (bad, field) => {
    expect(readQuoteRequest(bad).errors.map((e) => e.field)).toContain(field);
  });

  it('lists every field error at once', () => {
    expect(readQuoteRequest({ ...body, currency: 'cny', freight: 'x', consumer: { idNumber: '110105194912310021' } }).errors.map((e) => e.field).sort()).toEqual(['consumer.idNumber', 'currency', 'freight']);
  });
});
