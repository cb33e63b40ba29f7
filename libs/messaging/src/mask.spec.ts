import { maskPersonalData, maskText } from './mask';

describe('masking personal data', () => {
  const order = { consumer: { name: 'Li Wei', idNumber: '11010519491231002X', phone: '+8613800000000' }, payment: { payerIdNumber: '11010519491231002X', amount: '418.00' } };

  it('masks ID numbers and phones by field name', () => {
    expect(maskPersonalData(order)).toEqual({
      consumer: { name: 'Li Wei', idNumber: '110105********002X', phone: '+86138****0000' },
      payment: { payerIdNumber: '110105********002X', amount: '418.00' },
    });
  });

  it('masks them inside free text, such as a dead letter payload, and leaves money alone', () => {
    const masked = maskText(JSON.stringify(order));
    expect(masked).not.toContain('11010519491231002X');
    expect(masked).not.toContain('13800000000');
    expect(masked).toContain('"amount":"418.00"');
    expect(JSON.parse(masked).consumer.name).toBe('Li Wei');
  });
});

describe('masking leaves other numbers alone', () => {
  it.each([['TG20261111000123'], ['SF1234567890'], ['PAY-889900'], ['c3a1f2e4-1b2c-4d5e-8f90-123456789012']])('%s', (text) => {
    expect(maskText(text)).toBe(text);
  });
});
