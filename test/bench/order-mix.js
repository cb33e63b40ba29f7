// The orders the benchmark places: a realistic mix of the three clearance models, every order
// of a new consumer, every one able to reach COMPLETED under the seed tariff (CONTRACT 4.1).
// Of every ten orders: six bonded zone (two of them priced below half the reference price of
// cosmetics, 300.00, so customs asks for proof; one with infant formula, quarantined), three
// direct mail, one general trade (every other one with wine, a quarantine item).

/** One order shape per slot of ten; `n` is the order's number, so the general-trade slot alternates. */
const SLOTS = [
  () => bonded('HANGZHOU', [cosmetics(2, '199.00')]),
  () => directMail([cosmetics(2, '199.00')]),
  () => bonded('ZHENGZHOU', [cosmetics(1, '120.00')]), // below 150.00: proof requested
  () => bonded('HANGZHOU', [handbag(1, '899.00'), tShirt(2, '89.00')]),
  () => directMail([tShirt(3, '99.00')]),
  () => bonded('HANGZHOU', [cosmetics(1, '100.00'), tShirt(1, '89.00')]), // proof requested
  (n) => generalTrade(Math.floor(n / 10) % 2 === 0 ? [wine(2, '150.00')] : [smartphone(1, '3000.00')]),
  () => bonded('ZHENGZHOU', [infantFormula(2, '250.00')]), // quarantine inspection
  () => directMail([smartphone(1, '3999.00')]),
  () => bonded('HANGZHOU', [watch(1, '2600.00')]),
];

/** What one full cycle of SLOTS holds, for the report. */
const MIX = { BONDED_ZONE: 0.6, DIRECT_MAIL: 0.3, GENERAL_TRADE: 0.1, bondedWithProofRequest: 0.2, generalTradeWithQuarantine: 0.05, bondedWithQuarantine: 0.1 };

const NAMES = ['Li Wei', 'Wang Fang', 'Zhang Min', 'Liu Yang', 'Chen Jing', 'Zhao Lei', 'Huang Li', 'Zhou Qiang'];
const CITIES = [
  { province: 'Zhejiang', city: 'Hangzhou', district: 'Xihu', line1: '1 Wensan Rd', postalCode: '310000' },
  { province: 'Henan', city: 'Zhengzhou', district: 'Jinshui', line1: '8 Huayuan Rd', postalCode: '450000' },
  { province: 'Guangdong', city: 'Shenzhen', district: 'Futian', line1: '3 Shennan Blvd', postalCode: '518000' },
  { province: 'Shanghai', city: 'Shanghai', district: 'Xuhui', line1: '12 Hengshan Rd', postalCode: '200030' },
];

/**
 * The n-th order of the run (n counts across every phase of one run, so no two orders share an
 * id or a consumer). Money is computed in cents: the payment must equal goods + freight +
 * insurance to the cent (CONTRACT 2.1).
 */
function orderOf(n, runId, platformId) {
  const shape = SLOTS[n % SLOTS.length](n);
  const orderId = `B${runId}-${n}`;
  const consumerIdNumber = residentId(n);
  const name = NAMES[n % NAMES.length];
  const goodsCents = shape.items.reduce((sum, item) => sum + cents(item.unitPrice) * item.quantity, 0);
  const total = goodsCents + cents(shape.freight) + cents(shape.insurance);
  const waybill = shape.clearanceModel === 'DIRECT_MAIL' ? {} : { waybillNumber: `SF${runId}${String(n).padStart(7, '0')}` };
  return {
    platformId,
    orderId,
    clearanceModel: shape.clearanceModel,
    placedAt: '2026-11-11T00:00:01+08:00',
    currency: 'CNY',
    consumer: { name, idType: 'CN_RESIDENT_ID', idNumber: consumerIdNumber, phone: `+86138${String(n % 1e8).padStart(8, '0')}`, address: CITIES[n % CITIES.length] },
    payment: { provider: 'alipay', transactionId: `PAY-${orderId}`, payerName: name, payerIdNumber: consumerIdNumber, amount: money(total), paidAt: '2026-11-11T00:00:05+08:00' },
    logistics: { carrier: 'SF-INTL', ...waybill },
    ...(shape.bondedZone ? { bondedZone: shape.bondedZone } : {}),
    items: shape.items,
    freight: shape.freight,
    insurance: shape.insurance,
  };
}

/**
 * A valid 18-character resident ID of the n-th consumer: region 110105, a birth date counted in
 * days from 1950-01-01 (n mod 18,000, so up to 1999), a 3-digit sequence from n / 18,000, and
 * the ISO 7064 MOD 11-2 check character (libs/domain/src/resident-id.ts). Distinct for n below
 * 18 million.
 */
function residentId(n) {
  const birth = new Date(Date.UTC(1950, 0, 1) + (n % 18_000) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `110105${birth}${String(Math.floor(n / 18_000) % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, weight, k) => total + weight * Number(first17[k]), 0);
  return first17 + '10X98765432'[sum % 11];
}

function bonded(bondedZone, items) {
  return { clearanceModel: 'BONDED_ZONE', bondedZone, items, freight: '20.00', insurance: '0.00' };
}
function directMail(items) {
  return { clearanceModel: 'DIRECT_MAIL', items, freight: '15.00', insurance: '0.00' };
}
function generalTrade(items) {
  return { clearanceModel: 'GENERAL_TRADE', items, freight: '30.00', insurance: '5.00' };
}

const item = (sku, name, hsCode, originCountry, grossWeightKg) => (quantity, unitPrice) => ({ sku, name, hsCode, quantity, unitPrice, originCountry, grossWeightKg });
const cosmetics = item('JP-CREAM-50', 'Face cream 50 ml', '3304990099', 'JP', '0.12');
const tShirt = item('US-TEE-M', 'Cotton T-shirt M', '6109100000', 'US', '0.20');
const handbag = item('IT-BAG-01', 'Leather handbag', '4202210000', 'IT', '0.80');
const smartphone = item('US-PHONE-128', 'Smartphone 128 GB', '8517130000', 'US', '0.40');
const watch = item('CH-WATCH-01', 'Wrist watch', '9102110000', 'CH', '0.15');
const wine = item('FR-WINE-750', 'Bordeaux 750 ml', '2204210000', 'FR', '1.30');
const infantFormula = item('NL-FORMULA-800', 'Infant formula 800 g', '1901101000', 'NL', '0.90');

function cents(amount) {
  return Math.round(Number(amount) * 100);
}
function money(amountInCents) {
  return (amountInCents / 100).toFixed(2);
}

module.exports = { orderOf, residentId, MIX, SLOTS };
