// Intake by class, not by sample (issue 11): a generated hostile order-placed ends in a rejection
// that names what is wrong, never in a throw; an order that passes intake can be taken by every
// later step (its data stored as it is, reviewed, assessed).
import fc from 'fast-check';
import { INTAKE_REJECTIONS, OrderPlacedData } from '@cbec/contracts';
import { assessTax, findTariffEntry, judgeOrderIntake, planReview, TARIFF_SEED } from '@cbec/domain';
import { storableJson } from '@cbec/messaging';
import { acceptableOrder, anOrder, applyMutations, fieldOf, FUZZ_SEED, mutationsOf, UNSTORABLE_STRINGS } from '@cbec/testing';

const BASES = [anOrder().directMail().build(), anOrder().generalTrade().withItem().withItem({ hsCode: '2204210000' }).freight('12.00').build(), anOrder().bonded('ZHENGZHOU').withItem({ quantity: 3 }).build()];

function laterStepsOf(order: OrderPlacedData): void {
  const plan = planReview({ model: order.clearanceModel, items: order.items, tariff: TARIFF_SEED, sampledForReview: false });
  if (plan.outcome === 'REJECT') return;
  const lines = order.items.map((item) => ({ ...item, rates: findTariffEntry(TARIFF_SEED, item.hsCode)! }));
  assessTax({ model: order.clearanceModel, lines, freight: order.freight ?? '0.00', insurance: order.insurance ?? '0.00', annualTotalBefore: '0.00' });
}

describe('intake of generated hostile orders', () => {
  it.each(BASES.map((base) => [base.clearanceModel, base]))('rejects a mutated %s order with its reason code, or accepts one every later step can take', (_, base) => {
    fc.assert(
      fc.property(mutationsOf(base), (mutations) => {
        const data = applyMutations(base, mutations);
        const verdict = judgeOrderIntake(data);
        if (verdict.ok) {
          expect(storableJson(verdict.order)).toEqual(verdict.order);
          laterStepsOf(verdict.order);
          return;
        }
        expect(INTAKE_REJECTIONS).toContain(verdict.reasonCode);
        expect(verdict.details.length).toBeGreaterThan(0);
        if (verdict.reasonCode === 'INVALID_ORDER') for (const detail of verdict.details) expect(detail.field).toEqual(expect.any(String));
      }),
      { seed: FUZZ_SEED, numRuns: 400 },
    );
  });

  it('names the field of text that is not text, wherever it is put', () => {
    const base = BASES[2];
    const leaves = ['platformId', 'orderId', 'consumer.name', 'consumer.address.line1', 'payment.payerName', 'payment.transactionId', 'logistics.waybillNumber', 'items[0].sku', 'items[0].name', 'items[0].originCountry'];
    fc.assert(
      fc.property(fc.constantFrom(...leaves), fc.constantFrom(...UNSTORABLE_STRINGS), fc.constantFrom('', 'x', 'Li Wei'), (field, unstorable, around) => {
        const path = field.split(/[.[\]]+/).filter(Boolean).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
        const data = applyMutations(base, [{ op: 'set', path, value: `${around}${unstorable}${around}` }]);
        const verdict = judgeOrderIntake(data);
        expect(verdict).toMatchObject({ ok: false, reasonCode: 'INVALID_ORDER' });
        expect(verdict.ok ? [] : verdict.details.map((detail) => detail.field)).toContain(fieldOf(path));
      }),
      { seed: FUZZ_SEED, numRuns: 200 },
    );
  });

  it.each([
    ['consumer', 'missing', undefined],
    ['consumer', 'an array', []],
    ['payment', 'missing', undefined],
    ['payment', 'an array', [{ payerName: 'Li Wei' }]],
    ['logistics', 'missing', undefined],
    ['consumer.address', 'missing', undefined],
    ['items[0]', 'an array', [['JP-CREAM-50']]],
  ])('rejects an order whose %s is %s as INVALID_ORDER naming it', (field, _, value) => {
    const path = field.split(/[.[\]]+/).filter(Boolean).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    const data = applyMutations(anOrder().directMail().build(), [value === undefined ? { op: 'delete', path } : { op: 'set', path, value }]);
    const verdict = judgeOrderIntake(data);
    expect(verdict).toMatchObject({ ok: false, reasonCode: 'INVALID_ORDER', details: expect.arrayContaining([expect.objectContaining({ field })]) });
  });
});

describe('intake of generated valid orders', () => {
  it('accepts every order the contract allows, and every later step takes it', () => {
    fc.assert(
      fc.property(acceptableOrder, (order) => {
        const verdict = judgeOrderIntake(order);
        expect(verdict).toMatchObject({ ok: true });
        if (!verdict.ok) return;
        expect(storableJson(verdict.order)).toEqual(verdict.order);
        laterStepsOf(verdict.order);
      }),
      { seed: FUZZ_SEED, numRuns: 300 },
    );
  });
});
