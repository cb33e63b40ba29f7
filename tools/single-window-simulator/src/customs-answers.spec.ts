import type { Declaration, OrderPlacedData } from '@cbec/contracts';
import { buildCancellationMessage, buildInventoryMessage, buildOrderMessage, buildReceipt, buildReturnMessage, loadProfile, makeDevIdentity, MessageContext, readReceipt, Receipt, signMessage } from '@cbec/single-window';
import { answersTo, invtNoOf, ReceiptDraft } from './customs-answers';

const NOW = new Date('2026-11-11T02:03:04.005Z');
const IDENTITY = makeDevIdentity(NOW);
const ctx: MessageContext = { profile: loadProfile().profile, guid: '6F1C8E2A-3B4D-4E5F-8A9B-0C1D2E3F4A5B', at: NOW, buyerRegNoFor: () => 'buyer' };

/** CONTRACT 4.3's worked retail order: 2 x 199.00 of beauty preparations, freight 20.00. */
function order(model: 'DIRECT_MAIL' | 'BONDED_ZONE', item: Partial<OrderPlacedData['items'][number]> = {}): OrderPlacedData {
  return {
    platformId: 'tmall-global',
    orderId: 'TG20261111000123',
    clearanceModel: model,
    placedAt: '2026-11-11T00:00:01+08:00',
    currency: 'CNY',
    consumer: { name: 'Li Wei', idType: 'CN_RESIDENT_ID', idNumber: '11010519491231002X', phone: '+8613800000000', address: { province: 'Zhejiang', city: 'Hangzhou', line1: '1 Wensan Rd' } },
    payment: { provider: 'alipay', transactionId: 'PAY-889900', payerName: 'Li Wei', payerIdNumber: '11010519491231002X', amount: '418.00', paidAt: '2026-11-11T00:00:05+08:00' },
    logistics: { carrier: 'SF-INTL', waybillNumber: 'SF1234567890' },
    ...(model === 'BONDED_ZONE' ? { bondedZone: 'HANGZHOU' } : {}),
    items: [{ sku: 'JP-CREAM-50', name: 'Face cream 50 ml', hsCode: '3304990099', quantity: 2, unitPrice: '199.00', originCountry: 'JP', grossWeightKg: '0.12', ...item }],
    freight: '20.00',
  };
}

function declaration(placed: OrderPlacedData): Declaration {
  const { consumer, logistics, payment, items } = placed;
  return { ...placed, declarationNumber: 'D2026111100000001', consignee: consumer, logistics: { carrier: logistics.carrier, waybillNumber: logistics.waybillNumber as string }, payment, items, freight: placed.freight ?? '0.00', insurance: '0.00', documents: [], declaredAt: NOW.toISOString() };
}

const signed = (xml: string) => signMessage(xml, IDENTITY);
const inventoryList = (placed: OrderPlacedData) => signed(buildInventoryMessage({ declaration: declaration(placed), legalUnits: ['035'], copNo: 'D2026111100000001', appType: '1' }, ctx));
const statuses = (drafts: ReceiptDraft[]) => drafts.map((draft) => `${draft.messageType} ${'returnStatus' in draft ? draft.returnStatus : draft.taxNo}`);

describe('the simulated Single Window answers', () => {
  it('an inventory list of model I: declaring, accepted with an invtNo, released, and its tax bill', () => {
    const drafts = answersTo('CEB621_D2026111100000001_20261111100304005.xml', inventoryList(order('DIRECT_MAIL')), NOW);
    const invtNo = invtNoOf('2992', 'D2026111100000001', NOW);
    expect(statuses(drafts)).toEqual(['CEB622 2', 'CEB622 120', 'CEB622 800', `CEB816 ${invtNo}01`]);
    expect(drafts[0]).toMatchObject({ copNo: 'D2026111100000001', preNo: expect.stringMatching(/^B2026\d{13}$/), customsCode: '2992', ebpCode: '3301960TMG' });
    expect(drafts[0]).not.toHaveProperty('invtNo');
    expect(drafts[1]).toMatchObject({ copNo: 'D2026111100000001', invtNo, preNo: (drafts[0] as { preNo: string }).preNo });
    expect(drafts[2]).toMatchObject({ invtNo });
  });

  it('with an invtNo of 4 digits of customs, 4 of the year, I and 9 of serial, the same for a re-sent list', () => {
    const invtNo = invtNoOf('2992', 'D2026111100000001', NOW);
    expect(invtNo).toMatch(/^29922026I\d{9}$/);
    expect(invtNo).toHaveLength(18);
    expect(invtNoOf('2992', 'D2026111100000001', NOW)).toBe(invtNo);
    expect(invtNoOf('2992', 'D2026111100000002', NOW)).not.toBe(invtNo);
  });

  it('with the tax of CONTRACT 4.3\'s worked retail example: no duty, consumption tax 51.64, VAT 44.75', () => {
    const bill = answersTo('CEB621_x.xml', inventoryList(order('BONDED_ZONE', { recordNo: 'HZ-1' })), NOW)[3];
    expect(bill).toEqual({
      messageType: 'CEB816',
      invtNo: invtNoOf('2991', 'D2026111100000001', NOW),
      taxNo: `${invtNoOf('2991', 'D2026111100000001', NOW)}01`,
      customsTax: '0.00',
      valueAddedTax: '44.75',
      consumptionTax: '51.64',
      status: '1',
      lines: [{ gnum: '1', gcode: '3304990099', taxPrice: '418.00', customsTax: '0.00', valueAddedTax: '44.75', consumptionTax: '51.64' }],
    });
  });

  it('a model III list with a line without its account-book number: declaring, then returned with the reason', () => {
    const drafts = answersTo('CEB621_x.xml', inventoryList(order('BONDED_ZONE')), NOW);
    expect(statuses(drafts)).toEqual(['CEB622 2', 'CEB622 100']);
    expect(drafts[1]).toMatchObject({ copNo: 'D2026111100000001', returnInfo: expect.stringContaining('line 1 has no itemRecordNo') });
  });

  it('a cancellation, a return and an order: accepted (120), naming the document', () => {
    const declared = declaration(order('DIRECT_MAIL'));
    expect(answersTo('CEB623_C1_1.xml', signed(buildCancellationMessage({ declaration: declared, copNo: 'C1', invtNo: '29922026I000000001', reason: 'changed mind' }, ctx)), NOW)).toEqual([
      { messageType: 'CEB624', copNo: 'C1', invtNo: '29922026I000000001', returnStatus: '120', returnInfo: 'cancellation accepted (simulated)' },
    ]);
    expect(answersTo('CEB625_R1_1.xml', signed(buildReturnMessage({ declaration: declared, copNo: 'R1', invtNo: '29922026I000000001', reason: 'too big', items: [{ sku: 'JP-CREAM-50', quantity: 1 }] }, ctx)), NOW)).toEqual([
      { messageType: 'CEB626', copNo: 'R1', invtNo: '29922026I000000001', returnStatus: '120', returnInfo: 'return accepted (simulated)' },
    ]);
    expect(answersTo('CEB311_x.xml', signed(buildOrderMessage(order('DIRECT_MAIL'), ctx)), NOW)).toEqual([
      { messageType: 'CEB312', orderNo: 'TG20261111000123', ebpCode: '3301960TMG', ebcCode: '3301960TMG', returnStatus: '120', returnInfo: 'order accepted (simulated)' },
    ]);
  });

  it('a message whose signature does not hold: a format check (CEB900) quoting it', () => {
    const unsigned = buildOrderMessage(order('DIRECT_MAIL'), ctx);
    const [check] = answersTo('CEB311_TG1_20261111100304005.xml', unsigned, NOW);
    expect(check).toEqual({ messageType: 'CEB900', returnStatus: '-1', returnInfo: expect.stringContaining('the signature does not hold'), oriCopMsgId: 'CEB311_TG1_20261111100304005.xml', oriMessageType: 'CEB311', oriBizMessage: unsigned });
  });

  it('receipts that read back as written once stamped', () => {
    for (const draft of answersTo('CEB621_x.xml', inventoryList(order('DIRECT_MAIL')), NOW)) {
      const receipt = { ...draft, guid: 'B0F5C1D2-0000-4000-8000-000000000001', returnTime: '20261111100305000' } as Receipt;
      expect(readReceipt(buildReceipt(receipt))).toEqual(receipt);
    }
  });
});

describe('the simulated Single Window does not answer', () => {
  it.each([
    ['text that is not XML', 'garbage', /not XML/],
    ['a receipt', '<ceb:CEB622Message xmlns:ceb="http://www.chinaport.gov.cn/ceb"/>', /unknown root element CEB622Message/],
    ['a list without copNo', '<ceb:CEB621Message xmlns:ceb="http://www.chinaport.gov.cn/ceb" guid="G"><ceb:Inventory><ceb:InventoryHead><ceb:guid>G</ceb:guid></ceb:InventoryHead></ceb:Inventory></ceb:CEB621Message>', /CEB621 has no copNo/],
  ])('%s: it says why', (_, xml, reason) => {
    const signedOrNot = xml.startsWith('<ceb:CEB621') ? signed(xml) : xml;
    expect(() => answersTo('x.xml', signedOrNot, NOW)).toThrow(reason);
  });
});
