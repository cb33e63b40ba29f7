import { buildReceipt, readReceipt, Receipt, UnreadableReceipt } from './receipts';

const GUID = 'B0F5C1D2-0000-4000-8000-000000000001';

describe('readReceipt reads back what buildReceipt writes', () => {
  it.each<Receipt>([
    { messageType: 'CEB312', guid: GUID, orderNo: 'DM20261111000123', returnStatus: '120', returnTime: '20261111100305123', returnInfo: '入库成功', ebpCode: '3301960TMG', ebcCode: '3301960TMG' },
    { messageType: 'CEB622', guid: GUID, copNo: 'D2026111100000001', preNo: 'B20261111000000001', returnStatus: '2', returnTime: '20261111100305123', returnInfo: 'declaring' },
    { messageType: 'CEB622', guid: GUID, copNo: 'D2026111100000001', preNo: 'B20261111000000001', invtNo: '29922026I000000007', returnStatus: '120', returnTime: '20261111100306000', returnInfo: 'accepted', customsCode: '2992', agentCode: '3301960DEV' },
    { messageType: 'CEB624', guid: GUID, copNo: 'C1', invtNo: '29922026I000000007', returnStatus: '120', returnTime: '20261111100306000', returnInfo: 'cancelled' },
    { messageType: 'CEB626', guid: GUID, copNo: 'R1', invtNo: '29922026I000000007', returnStatus: '-301010', returnTime: '20261111100306000', returnInfo: 'refused: <reason> & more' },
    { messageType: 'CEB816', guid: GUID, invtNo: '29922026I000000007', taxNo: '29922026I000000007_01', customsTax: '0.00', valueAddedTax: '44.75', consumptionTax: '51.64', returnTime: '20261111100307000', status: '1' },
    { messageType: 'CEB816', guid: GUID, invtNo: 'I1', taxNo: 'T1', customsTax: '0', valueAddedTax: '1.10000', consumptionTax: '0.5', returnTime: '20261111100307000', status: '1', lines: [{ gnum: '1', gcode: '3304990099', taxPrice: '418.00', customsTax: '0', valueAddedTax: '1.10000', consumptionTax: '0.5' }] },
    { messageType: 'CEB900', guid: GUID, returnStatus: '-1', returnInfo: 'schema: element appTime invalid', returnTime: '20261111100307000', oriCopMsgId: 'CEB621_D1_20261111100304005.xml', oriMessageType: 'CEB621' },
  ])('%p', (receipt) => {
    expect(readReceipt(buildReceipt(receipt))).toEqual(receipt);
  });

  it('keeps decimals as written', () => {
    const read = readReceipt(buildReceipt({ messageType: 'CEB816', guid: GUID, invtNo: 'I1', taxNo: 'T1', customsTax: '0010.50000', valueAddedTax: '1e3', consumptionTax: '0', returnTime: 't', status: '1' }).replace('1e3', '12.30'));
    expect(read).toMatchObject({ customsTax: '0010.50000', valueAddedTax: '12.30' });
  });
});

describe('CEB900', () => {
  const original = '<?xml version="1.0" encoding="UTF-8"?>\n<ceb:CEB621Message xmlns:ceb="http://www.chinaport.gov.cn/ceb" guid="6F1C8E2A-3B4D-4E5F-8A9B-0C1D2E3F4A5B" version="1.0"><ceb:Inventory><ceb:InventoryHead><ceb:guid>6F1C8E2A-3B4D-4E5F-8A9B-0C1D2E3F4A5B</ceb:guid><ceb:copNo>D2026111100000001</ceb:copNo></ceb:InventoryHead></ceb:Inventory></ceb:CEB621Message>';
  const receipt: Receipt = { messageType: 'CEB900', guid: GUID, returnStatus: '-1', returnInfo: 'bad', returnTime: '20261111100307000', oriCopMsgId: 'x.xml', oriMessageType: 'CEB621', oriBizMessage: original };

  it('quotes the message it checked, escaped, and the guid and copNo are read from the quote', () => {
    const xml = buildReceipt(receipt);
    expect(xml).toContain('<ceb:oriBizMessage>&lt;?xml version="1.0" encoding="UTF-8"?&gt;');
    expect(readReceipt(xml)).toEqual({ ...receipt, oriGuid: '6F1C8E2A-3B4D-4E5F-8A9B-0C1D2E3F4A5B', oriCopNo: 'D2026111100000001' });
  });

  it('reads a quote in CDATA, and one that is not XML, which names nothing', () => {
    const cdata = buildReceipt({ ...receipt, oriBizMessage: 'PLACEHOLDER' }).replace('PLACEHOLDER', `<![CDATA[${original}]]>`);
    expect(readReceipt(cdata)).toMatchObject({ oriGuid: '6F1C8E2A-3B4D-4E5F-8A9B-0C1D2E3F4A5B', oriCopNo: 'D2026111100000001' });
    const garbled = readReceipt(buildReceipt({ ...receipt, oriBizMessage: 'not < xml' }));
    expect(garbled).not.toHaveProperty('oriGuid');
    expect(garbled).toMatchObject({ oriBizMessage: 'not < xml' });
  });
});

describe('readReceipt is lenient where customs may add', () => {
  it('ignores unknown elements, attributes and the prefix the sender chose', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<x:CEB816Message xmlns:x="http://www.chinaport.gov.cn/ceb" guid="${GUID}" version="1.0" extra="1">
  <x:Tax>
    <x:TaxHeadRd>
      <x:guid>${GUID}</x:guid><x:returnTime>20261111100307000</x:returnTime><x:invtNo>I1</x:invtNo><x:taxNo>T1</x:taxNo>
      <x:customsTax>0</x:customsTax><x:valueAddedTax>44.75</x:valueAddedTax><x:consumptionTax>51.64</x:consumptionTax><x:status>1</x:status>
      <x:entDutyNo>E1</x:entDutyNo><x:somethingNew a="b">later</x:somethingNew>
    </x:TaxHeadRd>
    <x:TaxListRd><x:gnum>1</x:gnum><x:gcode>3304990099</x:gcode><x:taxPrice>418.00</x:taxPrice><x:customsTax>0</x:customsTax><x:valueAddedTax>44.75</x:valueAddedTax><x:consumptionTax>51.64</x:consumptionTax><x:more/></x:TaxListRd>
  </x:Tax>
</x:CEB816Message>`;
    expect(readReceipt(xml)).toEqual({ messageType: 'CEB816', guid: GUID, invtNo: 'I1', taxNo: 'T1', customsTax: '0', valueAddedTax: '44.75', consumptionTax: '51.64', returnTime: '20261111100307000', status: '1', lines: [{ gnum: '1', gcode: '3304990099', taxPrice: '418.00', customsTax: '0', valueAddedTax: '44.75', consumptionTax: '51.64' }] });
  });

  it('takes an absent returnInfo as empty', () => {
    const xml = buildReceipt({ messageType: 'CEB624', guid: GUID, copNo: 'C1', returnStatus: '120', returnTime: '20261111100306000', returnInfo: 'x' }).replace(/<ceb:returnInfo>x<\/ceb:returnInfo>/, '');
    expect(readReceipt(xml)).toMatchObject({ returnInfo: '' });
  });
});

describe('readReceipt refuses what it cannot read, saying why', () => {
  const inventoryReturn = (body: string) => `<ceb:CEB622Message xmlns:ceb="http://www.chinaport.gov.cn/ceb"><ceb:InventoryReturn>${body}</ceb:InventoryReturn></ceb:CEB622Message>`;
  it.each([
    ['text that is not XML', 'hello', /^not XML/],
    ['an unclosed element', '<ceb:CEB622Message><ceb:InventoryReturn>', /^not XML/],
    ['an unknown root', '<ceb:CEB621Message xmlns:ceb="x"/>', /unknown root element CEB621Message/],
    ['a receipt without its business element', '<ceb:CEB622Message xmlns:ceb="x"/>', /CEB622Message has no InventoryReturn/],
    ['two business elements', `<ceb:CEB622Message xmlns:ceb="x"><ceb:InventoryReturn/><ceb:InventoryReturn/></ceb:CEB622Message>`, /has 2 InventoryReturn elements/],
    ['no guid', inventoryReturn('<ceb:copNo>D1</ceb:copNo><ceb:returnStatus>2</ceb:returnStatus><ceb:returnTime>1</ceb:returnTime>'), /InventoryReturn has no guid/],
    ['no copNo', inventoryReturn(`<ceb:guid>${GUID}</ceb:guid><ceb:returnStatus>2</ceb:returnStatus><ceb:returnTime>1</ceb:returnTime>`), /InventoryReturn has no copNo/],
    ['no returnStatus', inventoryReturn(`<ceb:guid>${GUID}</ceb:guid><ceb:copNo>D1</ceb:copNo><ceb:returnTime>1</ceb:returnTime>`), /has no returnStatus/],
    ['an order receipt without orderNo', `<ceb:CEB312Message xmlns:ceb="x"><ceb:OrderReturn><ceb:guid>${GUID}</ceb:guid><ceb:returnStatus>2</ceb:returnStatus><ceb:returnTime>1</ceb:returnTime></ceb:OrderReturn></ceb:CEB312Message>`, /OrderReturn has no orderNo/],
    ['a tax bill whose amount is no decimal', `<ceb:CEB816Message xmlns:ceb="x"><ceb:Tax><ceb:TaxHeadRd><ceb:guid>G</ceb:guid><ceb:returnTime>1</ceb:returnTime><ceb:invtNo>I</ceb:invtNo><ceb:taxNo>T</ceb:taxNo><ceb:customsTax>12,5</ceb:customsTax><ceb:valueAddedTax>0</ceb:valueAddedTax><ceb:consumptionTax>0</ceb:consumptionTax><ceb:status>1</ceb:status></ceb:TaxHeadRd></ceb:Tax></ceb:CEB816Message>`, /customsTax "12,5" is not a decimal/],
    ['a tax bill without invtNo', `<ceb:CEB816Message xmlns:ceb="x"><ceb:Tax><ceb:TaxHeadRd><ceb:guid>G</ceb:guid></ceb:TaxHeadRd></ceb:Tax></ceb:CEB816Message>`, /TaxHeadRd has no invtNo/],
  ])('%s', (_, xml, reason) => {
    expect(() => readReceipt(xml)).toThrow(UnreadableReceipt);
    expect(() => readReceipt(xml)).toThrow(reason);
  });
});
