import { maskPersonalData, maskPhone, maskResidentId, maskText } from './mask';

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

describe('maskResidentId', () => {
  it('keeps the region (first 6) and the last 4', () => {
    expect(maskResidentId('11010519491231002X')).toBe('110105********002X');
  });

  it('hides everything of a string too short to keep both ends', () => {
    expect(maskResidentId('1234567890')).toBe('**********');
  });
});

describe('maskPhone', () => {
  it.each([
    ['+8613800000000', '+86138****0000'],
    ['13800000000', '138****0000'],
    ['+861380000000012', '+86138******0012'],
    ['12345678', '****5678'],
    ['1234567', '*******'],
    ['', ''],
  ])('shows %j as %j', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });
});
