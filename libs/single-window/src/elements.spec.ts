import { customsCountryCode } from './countries';
import { elementSpec, ELEMENTS, valueProblem } from './elements';

describe('the element table', () => {
  it('holds MESSAGES.md\'s elements in schema order', () => {
    expect(ELEMENTS.InvtRefundList.map((spec) => spec.name)).toEqual(['gnum', 'gcode', 'gname', 'qty', 'unit', 'note']);
    expect(ELEMENTS.InventoryHead.map((spec) => spec.name).slice(0, 17)).toEqual(['guid', 'appType', 'appTime', 'appStatus', 'orderNo', 'ebpCode', 'ebpName', 'ebcCode', 'ebcName', 'logisticsNo', 'logisticsCode', 'logisticsName', 'copNo', 'preNo', 'assureCode', 'emsNo', 'invtNo']);
    expect(ELEMENTS.InventoryHead).toHaveLength(47);
    expect(ELEMENTS.OrderHead).toHaveLength(30);
    expect(ELEMENTS.InventoryList).toHaveLength(20);
  });

  it.each([
    ['OrderHead', 'consigneeAddress', 'x'.repeat(200), undefined],
    ['OrderHead', 'consigneeAddress', 'x'.repeat(201), 'is 201 characters, at most 200 allowed'],
    ['OrderHead', 'buyerName', '李'.repeat(60), undefined],
    ['OrderHead', 'buyerName', '😀'.repeat(61), 'is 61 characters, at most 60 allowed'],
    ['OrderHead', 'guid', 'A'.repeat(35), 'is 35 characters, exactly 36 allowed'],
    ['InventoryList', 'gcode', '330499009', 'is 9 characters, exactly 10 allowed'],
    ['OrderHead', 'goodsValue', '12345678901234.12345', undefined],
    ['OrderHead', 'goodsValue', '123456789012345.12345', 'has more than 19 digits'],
    ['OrderHead', 'goodsValue', '1.123456', 'must be a decimal number'],
    ['OrderHead', 'goodsValue', '1e5', 'must be a decimal number'],
    ['InventoryHead', 'packNo', '1234567890', 'must be a whole number of at most 9 digits'],
  ] as const)('%s.%s %p: %p', (group, element, value, problem) => {
    expect(valueProblem(elementSpec(group, element), value)).toBe(problem);
  });

  it('names an element it does not have as a programming error', () => {
    expect(() => elementSpec('OrderHead', 'nothing')).toThrow('OrderHead has no element nothing');
  });
});

describe('customsCountryCode', () => {
  it.each([
    ['JP', '116'],
    ['KR', '133'],
    ['FR', '305'],
    ['US', '502'],
    ['CN', '142'],
    ['AU', '601'],
    ['XX', undefined],
    ['jp', undefined],
  ])('%s -> %s', (iso2, code) => expect(customsCountryCode(iso2)).toBe(code));
});
