import { ClearanceModel, Declaration, DeclarationEventData, OrderItemData, TAX_PERMIT_EVENTS } from '@cbec/contracts';
import { TARIFF_SEED } from '@cbec/domain';
import { assessmentOutcomeOf, declarationsReachingAccounts, reachesAnnualAccount } from './assessment-outcome.rule';
import { decideTax, taxLinesOf } from './tax-assessment.rule';

const now = new Date('2026-11-11T00:00:00Z');
const item = (change: Partial<OrderItemData> = {}): OrderItemData => ({ sku: 'JP-CREAM-50', name: 'Face cream', hsCode: '3304990099', quantity: 2, unitPrice: '199.00', originCountry: 'JP', ...change });
const declarationOf = (clearanceModel: ClearanceModel, items = [item()]) =>
  ({ platformId: 'tmall-global', orderId: 'TG1', clearanceModel, currency: 'CNY', freight: '0.00', insurance: '0.00', items }) as unknown as Declaration;
const approved = (declaration: Declaration): DeclarationEventData => ({ platformId: 'tmall-global', orderId: 'TG1', clearanceModel: declaration.clearanceModel, declaration });
const outcomeOf = (declaration: Declaration) => assessmentOutcomeOf(approved(declaration), decideTax(declaration, taxLinesOf(declaration.items, TARIFF_SEED), undefined, 5, now, 60_000), 5, 'TA-1');

describe('reachesAnnualAccount', () => {
  it.each([
    ['a retail order with every item under the tariff', 'BONDED_ZONE', [item()], true],
    ['a retail order with an item no entry covers', 'BONDED_ZONE', [item({ hsCode: '9999000000' })], false],
    ['a general-trade order', 'GENERAL_TRADE', [item()], false],
  ] as const)('%s', (_, model, items, expected) => {
    const declaration = declarationOf(model, [...items]);
    expect(reachesAnnualAccount(declaration, taxLinesOf(declaration.items, TARIFF_SEED))).toBe(expected);
    expect(declarationsReachingAccounts([declaration], TARIFF_SEED)).toEqual(expected ? [declaration] : []);
  });
});

describe('assessmentOutcomeOf', () => {
  it('rejects at the step with the reason and no assessment', () => {
    const outcome = outcomeOf(declarationOf('BONDED_ZONE', [item({ hsCode: '9999000000' })]));
    expect(outcome.state).toMatchObject({ status: 'REJECTED', reasonCode: 'UNKNOWN_HS_CODE', step: 5, assessmentId: null, assessment: null, total: null, dueBy: null });
    expect(outcome.publish).toEqual([expect.objectContaining({ type: TAX_PERMIT_EVENTS.rejected, subject: 'tmall-global/TG1', step: 5, data: expect.objectContaining({ reasonCode: 'UNKNOWN_HS_CODE' }) })]);
  });

  it('leaves tax that is not withheld assessed, due by the settlement, with TAX_ASSESSED alone', () => {
    const outcome = outcomeOf(declarationOf('BONDED_ZONE'));
    expect(outcome.state).toMatchObject({ status: 'TAX_ASSESSED', reasonCode: null, step: 5, assessmentId: 'TA-1', dueBy: new Date(now.getTime() + 60_000) });
    expect(outcome.state.total).toBe(outcome.state.assessment!.totals.total);
    expect(outcome.publish!.map(({ type, step }) => [type, step])).toEqual([[TAX_PERMIT_EVENTS.taxAssessed, 5]]);
  });

  it('pays withheld tax at once: TAX_ASSESSED, then TAX_PAID at the next step, the order TAX_PAID there', () => {
    const outcome = outcomeOf(declarationOf('DIRECT_MAIL'));
    expect(outcome.state).toMatchObject({ status: 'TAX_PAID', step: 6, dueBy: null });
    expect(outcome.publish!.map(({ type, step }) => [type, step])).toEqual([
      [TAX_PERMIT_EVENTS.taxAssessed, 5],
      [TAX_PERMIT_EVENTS.taxPaid, 6],
    ]);
    expect(outcome.publish![1].data).toMatchObject({ assessmentId: 'TA-1', withheld: true, amount: outcome.state.total });
  });
});
