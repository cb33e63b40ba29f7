// Each message of a worked order of model I and of model III, element by element against the
// document MESSAGES.md describes, written out in full below.
import { ConfigError } from '../config-error';
import { ELEMENTS } from '../elements';
import { loadProfile, SingleWindowProfile } from '../profile/profile';
import { BUILT_AT, bondedOrder, declarationOf, directMailOrder, GUID, messageContext } from '../testing/worked-orders';
import { buildCancellationMessage, buildInventoryMessage, buildOrderMessage, buildReturnMessage } from './build-messages';
import { UnbuildableMessage } from './message-document';
import { readMessage } from './read-message';

const ROOT = (type: string) => `<ceb:${type}Message xmlns:ceb="http://www.chinaport.gov.cn/ceb" guid="${GUID}" version="1.0">`;
const BASE_TRANSFER = `  <ceb:BaseTransfer>
    <ceb:copCode>3301960DEV</ceb:copCode>
    <ceb:copName>Dev Customs Broker Ltd (made up)</ceb:copName>
    <ceb:dxpMode>DXP</ceb:dxpMode>
    <ceb:dxpId>DXPENTDEV0000001</ceb:dxpId>
  </ceb:BaseTransfer>`;
const document = (type: string, business: string) => `<?xml version="1.0" encoding="UTF-8"?>
${ROOT(type)}
${business}
${BASE_TRANSFER}
</ceb:${type}Message>`;

describe('CEB311, the order', () => {
  it('of model I: money as in the order, the one-line address escaped, country and unit codes, optional elements as sent', () => {
    expect(buildOrderMessage(directMailOrder(), messageContext())).toBe(
      document(
        'CEB311',
        `  <ceb:Order>
    <ceb:OrderHead>
      <ceb:guid>${GUID}</ceb:guid>
      <ceb:appType>1</ceb:appType>
      <ceb:appTime>20261111100304</ceb:appTime>
      <ceb:appStatus>2</ceb:appStatus>
      <ceb:orderType>I</ceb:orderType>
      <ceb:orderNo>DM20261111000123</ceb:orderNo>
      <ceb:ebpCode>3301960TMG</ceb:ebpCode>
      <ceb:ebpName>Tmall Global (dev, made up)</ceb:ebpName>
      <ceb:ebcCode>3301960TMG</ceb:ebcCode>
      <ceb:ebcName>Tmall Global Store (dev, made up)</ceb:ebcName>
      <ceb:goodsValue>1598.00</ceb:goodsValue>
      <ceb:freight>20.00</ceb:freight>
      <ceb:discount>0</ceb:discount>
      <ceb:taxTotal>0</ceb:taxTotal>
      <ceb:acturalPaid>1618.00</ceb:acturalPaid>
      <ceb:currency>142</ceb:currency>
      <ceb:buyerRegNo>tmall-buyer-8899</ceb:buyerRegNo>
      <ceb:buyerName>李伟</ceb:buyerName>
      <ceb:buyerTelephone>+8613800000000</ceb:buyerTelephone>
      <ceb:buyerIdType>1</ceb:buyerIdType>
      <ceb:buyerIdNumber>11010519491231002X</ceb:buyerIdNumber>
      <ceb:payName>alipay</ceb:payName>
      <ceb:payTransactionId>PAY-889900</ceb:payTransactionId>
      <ceb:consignee>李伟</ceb:consignee>
      <ceb:consigneeTelephone>+8613800000000</ceb:consigneeTelephone>
      <ceb:consigneeAddress>浙江省 杭州市 西湖区 文三路1号 &lt;B&amp;B&gt;</ceb:consigneeAddress>
    </ceb:OrderHead>
    <ceb:OrderList>
      <ceb:gnum>1</ceb:gnum>
      <ceb:itemNo>JP-CREAM-50</ceb:itemNo>
      <ceb:itemName>Face cream 50 ml</ceb:itemName>
      <ceb:gmodel>Shiseido, 50 ml jar</ceb:gmodel>
      <ceb:barCode>4901234567894</ceb:barCode>
      <ceb:unit>122</ceb:unit>
      <ceb:qty>2</ceb:qty>
      <ceb:price>199.00</ceb:price>
      <ceb:totalPrice>398.00</ceb:totalPrice>
      <ceb:currency>142</ceb:currency>
      <ceb:country>116</ceb:country>
    </ceb:OrderList>
    <ceb:OrderList>
      <ceb:gnum>2</ceb:gnum>
      <ceb:itemNo>FR-WATCH-0000000000001</ceb:itemNo>
      <ceb:itemName>Wrist watch</ceb:itemName>
      <ceb:gmodel>Wrist watch</ceb:gmodel>
      <ceb:unit>011</ceb:unit>
      <ceb:qty>1</ceb:qty>
      <ceb:price>1200.00</ceb:price>
      <ceb:totalPrice>1200.00</ceb:totalPrice>
      <ceb:currency>142</ceb:currency>
      <ceb:country>305</ceb:country>
    </ceb:OrderList>
  </ceb:Order>`,
      ),
    );
  });

  it('of model III: buyerRegNo from the context without accountId, the platform\'s own profile entry', () => {
    expect(buildOrderMessage(bondedOrder(), messageContext())).toBe(
      document(
        'CEB311',
        `  <ceb:Order>
    <ceb:OrderHead>
      <ceb:guid>${GUID}</ceb:guid>
      <ceb:appType>1</ceb:appType>
      <ceb:appTime>20261111100304</ceb:appTime>
      <ceb:appStatus>2</ceb:appStatus>
      <ceb:orderType>I</ceb:orderType>
      <ceb:orderNo>BZ20261111000456</ceb:orderNo>
      <ceb:ebpCode>1101960JDW</ceb:ebpCode>
      <ceb:ebpName>JD Worldwide (dev, made up)</ceb:ebpName>
      <ceb:ebcCode>1101960JDW</ceb:ebcCode>
      <ceb:ebcName>JD Worldwide Store (dev, made up)</ceb:ebcName>
      <ceb:goodsValue>398.00</ceb:goodsValue>
      <ceb:freight>20.00</ceb:freight>
      <ceb:discount>0</ceb:discount>
      <ceb:taxTotal>0</ceb:taxTotal>
      <ceb:acturalPaid>418.00</ceb:acturalPaid>
      <ceb:currency>142</ceb:currency>
      <ceb:buyerRegNo>hash-of-002X</ceb:buyerRegNo>
      <ceb:buyerName>Li Wei</ceb:buyerName>
      <ceb:buyerTelephone>13800000000</ceb:buyerTelephone>
      <ceb:buyerIdType>1</ceb:buyerIdType>
      <ceb:buyerIdNumber>11010519491231002X</ceb:buyerIdNumber>
      <ceb:payName>wechat-pay</ceb:payName>
      <ceb:payTransactionId>WX-4242</ceb:payTransactionId>
      <ceb:consignee>Li Wei</ceb:consignee>
      <ceb:consigneeTelephone>13800000000</ceb:consigneeTelephone>
      <ceb:consigneeAddress>Zhejiang Hangzhou 1 Wensan Rd</ceb:consigneeAddress>
    </ceb:OrderHead>
    <ceb:OrderList>
      <ceb:gnum>1</ceb:gnum>
      <ceb:itemNo>KR-SERUM-30</ceb:itemNo>
      <ceb:itemName>Serum 30 ml</ceb:itemName>
      <ceb:gmodel>Serum 30 ml</ceb:gmodel>
      <ceb:unit>011</ceb:unit>
      <ceb:qty>2</ceb:qty>
      <ceb:price>199.00</ceb:price>
      <ceb:totalPrice>398.00</ceb:totalPrice>
      <ceb:currency>142</ceb:currency>
      <ceb:country>133</ceb:country>
    </ceb:OrderList>
  </ceb:Order>`,
      ),
    );
  });
});

describe('CEB621, the inventory list', () => {
  it('of model I: direct mail\'s customs, the order\'s transport, weights summed, qty1 in kilograms for 035 and in units for 007', () => {
    const declaration = declarationOf(directMailOrder(), 'D2026111100000001');
    expect(buildInventoryMessage({ declaration, legalUnits: ['035', '007'], copNo: 'D2026111100000001', appType: '1' }, messageContext())).toBe(
      document(
        'CEB621',
        `  <ceb:Inventory>
    <ceb:InventoryHead>
      <ceb:guid>${GUID}</ceb:guid>
      <ceb:appType>1</ceb:appType>
      <ceb:appTime>20261111100304</ceb:appTime>
      <ceb:appStatus>2</ceb:appStatus>
      <ceb:orderNo>DM20261111000123</ceb:orderNo>
      <ceb:ebpCode>3301960TMG</ceb:ebpCode>
      <ceb:ebpName>Tmall Global (dev, made up)</ceb:ebpName>
      <ceb:ebcCode>3301960TMG</ceb:ebcCode>
      <ceb:ebcName>Tmall Global Store (dev, made up)</ceb:ebcName>
      <ceb:logisticsNo>SF1234567890</ceb:logisticsNo>
      <ceb:logisticsCode>4403180SFI</ceb:logisticsCode>
      <ceb:logisticsName>SF International (dev, made up)</ceb:logisticsName>
      <ceb:copNo>D2026111100000001</ceb:copNo>
      <ceb:assureCode>3301960TMG</ceb:assureCode>
      <ceb:ieFlag>I</ceb:ieFlag>
      <ceb:declTime>20261111</ceb:declTime>
      <ceb:customsCode>2992</ceb:customsCode>
      <ceb:portCode>2992</ceb:portCode>
      <ceb:buyerIdType>1</ceb:buyerIdType>
      <ceb:buyerIdNumber>11010519491231002X</ceb:buyerIdNumber>
      <ceb:buyerName>李伟</ceb:buyerName>
      <ceb:buyerTelephone>+8613800000000</ceb:buyerTelephone>
      <ceb:consigneeAddress>浙江省 杭州市 西湖区 文三路1号 &lt;B&amp;B&gt;</ceb:consigneeAddress>
      <ceb:agentCode>3301960DEV</ceb:agentCode>
      <ceb:agentName>Dev Customs Broker Ltd (made up)</ceb:agentName>
      <ceb:tradeMode>9610</ceb:tradeMode>
      <ceb:trafMode>5</ceb:trafMode>
      <ceb:trafNo>CA1041</ceb:trafNo>
      <ceb:voyageNo>CA1041-1111</ceb:voyageNo>
      <ceb:billNo>999-12345675</ceb:billNo>
      <ceb:country>116</ceb:country>
      <ceb:freight>20.00</ceb:freight>
      <ceb:insuredFee>5.00</ceb:insuredFee>
      <ceb:currency>142</ceb:currency>
      <ceb:packNo>1</ceb:packNo>
      <ceb:grossWeight>0.59</ceb:grossWeight>
      <ceb:netWeight>0.55</ceb:netWeight>
    </ceb:InventoryHead>
    <ceb:InventoryList>
      <ceb:gnum>1</ceb:gnum>
      <ceb:itemNo>JP-CREAM-50</ceb:itemNo>
      <ceb:itemName>Face cream 50 ml</ceb:itemName>
      <ceb:gcode>3304990099</ceb:gcode>
      <ceb:gname>Face cream 50 ml</ceb:gname>
      <ceb:gmodel>Shiseido, 50 ml jar</ceb:gmodel>
      <ceb:barCode>4901234567894</ceb:barCode>
      <ceb:country>116</ceb:country>
      <ceb:currency>142</ceb:currency>
      <ceb:qty>2</ceb:qty>
      <ceb:unit>122</ceb:unit>
      <ceb:qty1>0.2</ceb:qty1>
      <ceb:unit1>035</ceb:unit1>
      <ceb:price>199.00</ceb:price>
      <ceb:totalPrice>398.00</ceb:totalPrice>
    </ceb:InventoryList>
    <ceb:InventoryList>
      <ceb:gnum>2</ceb:gnum>
      <ceb:itemName>Wrist watch</ceb:itemName>
      <ceb:gcode>9102110000</ceb:gcode>
      <ceb:gname>Wrist watch</ceb:gname>
      <ceb:gmodel>Wrist watch</ceb:gmodel>
      <ceb:barCode>无</ceb:barCode>
      <ceb:country>305</ceb:country>
      <ceb:currency>142</ceb:currency>
      <ceb:qty>1</ceb:qty>
      <ceb:unit>011</ceb:unit>
      <ceb:qty1>1</ceb:qty1>
      <ceb:unit1>007</ceb:unit1>
      <ceb:price>1200.00</ceb:price>
      <ceb:totalPrice>1200.00</ceb:totalPrice>
    </ceb:InventoryList>
  </ceb:Inventory>`,
      ),
    );
  });

  it('of model III, re-sent: the zone\'s customs, account book, area and mode, China as country, preNo and invtNo, the record number', () => {
    const declaration = declarationOf(bondedOrder(), 'D2026111100000002');
    expect(buildInventoryMessage({ declaration, legalUnits: ['035'], copNo: 'D2026111100000002', appType: '2', preNo: 'B20261111000000001', invtNo: '29912026I000000001' }, messageContext())).toBe(
      document(
        'CEB621',
        `  <ceb:Inventory>
    <ceb:InventoryHead>
      <ceb:guid>${GUID}</ceb:guid>
      <ceb:appType>2</ceb:appType>
      <ceb:appTime>20261111100304</ceb:appTime>
      <ceb:appStatus>2</ceb:appStatus>
      <ceb:orderNo>BZ20261111000456</ceb:orderNo>
      <ceb:ebpCode>1101960JDW</ceb:ebpCode>
      <ceb:ebpName>JD Worldwide (dev, made up)</ceb:ebpName>
      <ceb:ebcCode>1101960JDW</ceb:ebcCode>
      <ceb:ebcName>JD Worldwide Store (dev, made up)</ceb:ebcName>
      <ceb:logisticsNo>YT9876543210</ceb:logisticsNo>
      <ceb:logisticsCode>3301960LOG</ceb:logisticsCode>
      <ceb:logisticsName>Any carrier (dev, made up)</ceb:logisticsName>
      <ceb:copNo>D2026111100000002</ceb:copNo>
      <ceb:preNo>B20261111000000001</ceb:preNo>
      <ceb:assureCode>1101960JDW</ceb:assureCode>
      <ceb:emsNo>T2991W000001</ceb:emsNo>
      <ceb:invtNo>29912026I000000001</ceb:invtNo>
      <ceb:ieFlag>I</ceb:ieFlag>
      <ceb:declTime>20261111</ceb:declTime>
      <ceb:customsCode>2991</ceb:customsCode>
      <ceb:portCode>2991</ceb:portCode>
      <ceb:buyerIdType>1</ceb:buyerIdType>
      <ceb:buyerIdNumber>11010519491231002X</ceb:buyerIdNumber>
      <ceb:buyerName>Li Wei</ceb:buyerName>
      <ceb:buyerTelephone>13800000000</ceb:buyerTelephone>
      <ceb:consigneeAddress>Zhejiang Hangzhou 1 Wensan Rd</ceb:consigneeAddress>
      <ceb:agentCode>3301960DEV</ceb:agentCode>
      <ceb:agentName>Dev Customs Broker Ltd (made up)</ceb:agentName>
      <ceb:areaCode>3301960ARE</ceb:areaCode>
      <ceb:areaName>Hangzhou bonded zone warehouse (dev, made up)</ceb:areaName>
      <ceb:tradeMode>1210</ceb:tradeMode>
      <ceb:trafMode>4</ceb:trafMode>
      <ceb:country>142</ceb:country>
      <ceb:freight>20.00</ceb:freight>
      <ceb:insuredFee>0.00</ceb:insuredFee>
      <ceb:currency>142</ceb:currency>
      <ceb:packNo>1</ceb:packNo>
      <ceb:grossWeight>0.17</ceb:grossWeight>
      <ceb:netWeight>0.17</ceb:netWeight>
    </ceb:InventoryHead>
    <ceb:InventoryList>
      <ceb:gnum>1</ceb:gnum>
      <ceb:itemRecordNo>HZ-BOOK-000123</ceb:itemRecordNo>
      <ceb:itemNo>KR-SERUM-30</ceb:itemNo>
      <ceb:itemName>Serum 30 ml</ceb:itemName>
      <ceb:gcode>3304990099</ceb:gcode>
      <ceb:gname>Serum 30 ml</ceb:gname>
      <ceb:gmodel>Serum 30 ml</ceb:gmodel>
      <ceb:barCode>无</ceb:barCode>
      <ceb:country>133</ceb:country>
      <ceb:currency>142</ceb:currency>
      <ceb:qty>2</ceb:qty>
      <ceb:unit>011</ceb:unit>
      <ceb:qty1>0.17</ceb:qty1>
      <ceb:unit1>035</ceb:unit1>
      <ceb:price>199.00</ceb:price>
      <ceb:totalPrice>398.00</ceb:totalPrice>
    </ceb:InventoryList>
  </ceb:Inventory>`,
      ),
    );
  });

  it('takes the carrier\'s transport from the profile where the order names none, field by field', () => {
    const order = directMailOrder();
    order.logistics.transport = { billNo: '784-11111111' };
    const head = readMessage(buildInventoryMessage({ declaration: declarationOf(order, 'D1'), legalUnits: ['035', '035'], copNo: 'D1', appType: '1' }, messageContext())).head;
    expect(head).toMatchObject({ trafMode: '5', trafNo: 'O36872', voyageNo: 'O36872', billNo: '784-11111111' });
  });
});

describe('CEB623, the cancellation', () => {
  it('of a model III list: as the list declared it, with this cancellation\'s copNo, customs\' invtNo and the reason', () => {
    const declaration = declarationOf(bondedOrder(), 'D2026111100000002');
    expect(buildCancellationMessage({ declaration, copNo: 'C2026111100000002', invtNo: '29912026I000000001', reason: 'consumer changed mind & left' }, messageContext())).toBe(
      document(
        'CEB623',
        `  <ceb:InvtCancel>
    <ceb:guid>${GUID}</ceb:guid>
    <ceb:appType>1</ceb:appType>
    <ceb:appTime>20261111100304</ceb:appTime>
    <ceb:appStatus>2</ceb:appStatus>
    <ceb:customsCode>2991</ceb:customsCode>
    <ceb:orderNo>BZ20261111000456</ceb:orderNo>
    <ceb:ebpCode>1101960JDW</ceb:ebpCode>
    <ceb:ebpName>JD Worldwide (dev, made up)</ceb:ebpName>
    <ceb:ebcCode>1101960JDW</ceb:ebcCode>
    <ceb:ebcName>JD Worldwide Store (dev, made up)</ceb:ebcName>
    <ceb:logisticsNo>YT9876543210</ceb:logisticsNo>
    <ceb:logisticsCode>3301960LOG</ceb:logisticsCode>
    <ceb:logisticsName>Any carrier (dev, made up)</ceb:logisticsName>
    <ceb:copNo>C2026111100000002</ceb:copNo>
    <ceb:invtNo>29912026I000000001</ceb:invtNo>
    <ceb:buyerIdType>1</ceb:buyerIdType>
    <ceb:buyerIdNumber>11010519491231002X</ceb:buyerIdNumber>
    <ceb:buyerName>Li Wei</ceb:buyerName>
    <ceb:buyerTelephone>13800000000</ceb:buyerTelephone>
    <ceb:agentCode>3301960DEV</ceb:agentCode>
    <ceb:agentName>Dev Customs Broker Ltd (made up)</ceb:agentName>
    <ceb:reason>consumer changed mind &amp; left</ceb:reason>
  </ceb:InvtCancel>`,
      ),
    );
  });
});

describe('CEB625, the return', () => {
  it('of a model I list: each returned line with its gnum of the list, its code, name, quantity returned and unit', () => {
    const declaration = declarationOf(directMailOrder(), 'D2026111100000001');
    const input = { declaration, copNo: 'R2026111100000001', invtNo: '29922026I000000007', reason: 'too big', items: [{ sku: 'FR-WATCH-0000000000001', quantity: 1 }, { sku: 'JP-CREAM-50', quantity: 1 }] };
    expect(buildReturnMessage(input, messageContext())).toBe(
      document(
        'CEB625',
        `  <ceb:InvtRefund>
    <ceb:InvtRefundHead>
      <ceb:guid>${GUID}</ceb:guid>
      <ceb:appType>1</ceb:appType>
      <ceb:appTime>20261111100304</ceb:appTime>
      <ceb:appStatus>2</ceb:appStatus>
      <ceb:customsCode>2992</ceb:customsCode>
      <ceb:orderNo>DM20261111000123</ceb:orderNo>
      <ceb:ebpCode>3301960TMG</ceb:ebpCode>
      <ceb:ebpName>Tmall Global (dev, made up)</ceb:ebpName>
      <ceb:ebcCode>3301960TMG</ceb:ebcCode>
      <ceb:ebcName>Tmall Global Store (dev, made up)</ceb:ebcName>
      <ceb:logisticsNo>SF1234567890</ceb:logisticsNo>
      <ceb:logisticsCode>4403180SFI</ceb:logisticsCode>
      <ceb:logisticsName>SF International (dev, made up)</ceb:logisticsName>
      <ceb:copNo>R2026111100000001</ceb:copNo>
      <ceb:invtNo>29922026I000000007</ceb:invtNo>
      <ceb:buyerIdType>1</ceb:buyerIdType>
      <ceb:buyerIdNumber>11010519491231002X</ceb:buyerIdNumber>
      <ceb:buyerName>李伟</ceb:buyerName>
      <ceb:buyerTelephone>+8613800000000</ceb:buyerTelephone>
      <ceb:agentCode>3301960DEV</ceb:agentCode>
      <ceb:agentName>Dev Customs Broker Ltd (made up)</ceb:agentName>
      <ceb:reason>too big</ceb:reason>
    </ceb:InvtRefundHead>
    <ceb:InvtRefundList>
      <ceb:gnum>2</ceb:gnum>
      <ceb:gcode>9102110000</ceb:gcode>
      <ceb:gname>Wrist watch</ceb:gname>
      <ceb:qty>1</ceb:qty>
      <ceb:unit>011</ceb:unit>
    </ceb:InvtRefundList>
    <ceb:InvtRefundList>
      <ceb:gnum>1</ceb:gnum>
      <ceb:gcode>3304990099</ceb:gcode>
      <ceb:gname>Face cream 50 ml</ceb:gname>
      <ceb:qty>1</ceb:qty>
      <ceb:unit>122</ceb:unit>
    </ceb:InvtRefundList>
  </ceb:InvtRefund>`,
      ),
    );
  });

  it('refuses a sku the declaration does not have', () => {
    const input = { declaration: declarationOf(directMailOrder(), 'D1'), copNo: 'R1', invtNo: 'I1', reason: 'x', items: [{ sku: 'NOT-ON-IT', quantity: 1 }] };
    expect(() => buildReturnMessage(input, messageContext())).toThrow('sku NOT-ON-IT is not on the declaration');
  });
});

describe('optional elements', () => {
  /** An order of model I with nothing optional: no accountId, transport, spec, unit, bar code, weights, district, insurance. */
  function plainOrder() {
    const order = directMailOrder();
    delete order.consumer.accountId;
    delete order.consumer.address.district;
    delete order.logistics.transport;
    delete order.insurance;
    order.items = order.items.map(({ spec, unit, barCode, recordNo, netWeightKg, grossWeightKg, ...item }) => item);
    return order;
  }

  it('are left out when they have no value, and no element is ever written empty', () => {
    const ctx = messageContext();
    const order = plainOrder();
    const declaration = declarationOf(order, 'D1');
    const messages = [
      buildOrderMessage(order, ctx),
      buildInventoryMessage({ declaration, legalUnits: ['035', '007'], copNo: 'D1', appType: '1' }, ctx),
      buildCancellationMessage({ declaration, copNo: 'C1', invtNo: 'I1', reason: 'r' }, ctx),
      buildReturnMessage({ declaration, copNo: 'R1', invtNo: 'I1', reason: 'r', items: [{ sku: 'JP-CREAM-50', quantity: 1 }] }, ctx),
    ];
    for (const xml of messages) expect(xml).not.toMatch(/<ceb:\w+\/>|<ceb:(\w+)>\s*<\/ceb:\1>/);
    const [orderMessage, inventory, cancellation, refund] = messages.map(readMessage);
    const optional = (group: keyof typeof ELEMENTS, written: string[] = []) => ELEMENTS[group].filter((spec) => !spec.required && !written.includes(spec.name)).map((spec) => spec.name);
    const absent = (texts: Record<string, string>, names: string[]) => expect(names.filter((name) => name in texts)).toEqual([]);
    absent(orderMessage.head, optional('OrderHead', ['payName', 'payTransactionId']));
    for (const line of orderMessage.lines) absent(line, optional('OrderList', ['itemNo']));
    // Model I without transport: the carrier's, from the profile; no zone's account book or area.
    absent(inventory.head, optional('InventoryHead', ['copNo', 'trafNo', 'voyageNo', 'billNo']));
    // barCode is written as 无 when the item has none; itemNo is left out for a sku over 20 characters.
    absent(inventory.lines[0], optional('InventoryList', ['itemNo', 'itemName', 'barCode']));
    expect(inventory.lines.map((line) => line.barCode)).toEqual(['无', '无']);
    absent(cancellation.head, optional('InvtCancel', ['copNo']));
    absent(refund.head, optional('InvtRefundHead', ['copNo']));
    absent(refund.lines[0], optional('InvtRefundList'));
    // Without weights an item weighs nothing: required elements keep a value.
    expect(inventory.head).toMatchObject({ grossWeight: '0', netWeight: '0', insuredFee: '0.00' });
    expect(inventory.lines[0]).toMatchObject({ qty1: '0', unit1: '035' });
    expect(orderMessage.head.buyerRegNo).toBe('hash-of-002X');
    expect(orderMessage.head.consigneeAddress).toBe('浙江省 杭州市 文三路1号 <B&B>');
  });

  it('in the head of a model I list: trafNo, voyageNo, billNo when neither the order nor the carrier has them', () => {
    const profile = withProfile((p) => {
      p.carriers['*'] = { logisticsCode: 'L1', logisticsName: 'Carrier', trafMode: '5' };
    });
    const order = plainOrder();
    order.logistics.carrier = 'OTHER';
    const head = readMessage(buildInventoryMessage({ declaration: declarationOf(order, 'D1'), legalUnits: ['035', '035'], copNo: 'D1', appType: '1' }, messageContext({ profile }))).head;
    expect(['trafNo', 'voyageNo', 'billNo', 'preNo', 'invtNo', 'emsNo', 'areaCode', 'areaName'].filter((name) => name in head)).toEqual([]);
  });
});

describe('what cannot be built', () => {
  it('model II: general trade is declared outside the Single Window', () => {
    const order = { ...directMailOrder(), clearanceModel: 'GENERAL_TRADE' as const };
    expect(() => buildOrderMessage(order, messageContext())).toThrow(/GENERAL_TRADE orders are declared outside the Single Window/);
  });

  it('a profile without what the message needs is a ConfigError naming the path', () => {
    const profile = withProfile((p) => {
      p.carriers = { '*': { logisticsCode: 'L1', logisticsName: 'Carrier' } };
    });
    const order = directMailOrder();
    delete order.logistics.transport;
    const build = () => buildInventoryMessage({ declaration: declarationOf(order, 'D1'), legalUnits: ['035', '035'], copNo: 'D1', appType: '1' }, messageContext({ profile }));
    expect(build).toThrow(ConfigError);
    expect(build).toThrow('carriers.*.trafMode has no value (InventoryHead.trafMode)');
  });

  it('a platform the profile does not know, without a default entry, is a ConfigError', () => {
    const profile = withProfile((p) => {
      delete p.platforms['*'];
    });
    expect(() => buildOrderMessage({ ...bondedOrder(), platformId: 'unknown-shop' }, messageContext({ profile }))).toThrow('no platforms.unknown-shop and no default platforms.*');
  });

  it('a value too long for its element is never cut: the message is not built', () => {
    const order = directMailOrder();
    order.consumer.name = '李'.repeat(61);
    expect(() => buildOrderMessage(order, messageContext())).toThrow(UnbuildableMessage);
    expect(() => buildOrderMessage(order, messageContext())).toThrow('consumer.name is 61 characters, at most 60 allowed (OrderHead.buyerName)');
  });

  it('a buyerRegNo default longer than 60 characters is refused too', () => {
    const ctx = messageContext({ buyerRegNoFor: () => 'f'.repeat(64) });
    expect(() => buildOrderMessage(bondedOrder(), ctx)).toThrow('buyerRegNoFor(consumer.idNumber) is 64 characters, at most 60 allowed (OrderHead.buyerRegNo)');
  });

  it('an inventory list needs one legal unit per item', () => {
    expect(() => buildInventoryMessage({ declaration: declarationOf(directMailOrder(), 'D1'), legalUnits: ['035'], copNo: 'D1', appType: '1' }, messageContext())).toThrow('one legal unit per item');
  });
});

it('writes appTime and declTime in China time, the next day there after 16:00 UTC', () => {
  const at = new Date('2026-12-31T16:30:00.000Z');
  const head = readMessage(buildInventoryMessage({ declaration: declarationOf(bondedOrder(), 'D1'), legalUnits: ['035'], copNo: 'D1', appType: '1' }, messageContext({ at }))).head;
  expect(head).toMatchObject({ appTime: '20270101003000', declTime: '20270101' });
  expect(BUILT_AT.toISOString()).toBe('2026-11-11T02:03:04.005Z');
});

function withProfile(change: (profile: SingleWindowProfile) => void): SingleWindowProfile {
  const profile = structuredClone(loadProfile().profile);
  change(profile);
  return profile;
}
