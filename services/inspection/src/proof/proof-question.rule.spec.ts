import { TARIFF_SEED } from '@cbec/domain';
import { proofQuestion } from './proof-question.rule';

const KINDS = ['INVOICE', 'TRANSACTION_RECORD'] as const;
const item = (sku: string, unitPrice: string, hsCode = '3304990099', name = 'Face cream 50 ml') => ({ sku, name, hsCode, unitPrice });

describe('proofQuestion', () => {
  it('names the one item below half its reference price and the documents wanted', () => {
    expect(proofQuestion([item('JP-CREAM-50', '120.00')], TARIFF_SEED, KINDS, 'CNY')).toBe(
      'Please send the invoice and the transaction record proving the declared unit price of JP-CREAM-50 "Face cream 50 ml" (120.00 CNY, below half the reference price of 300.00 CNY).',
    );
  });

  it('names only the items below half, leaving out one at exactly half and one with no reference price', () => {
    const question = proofQuestion([item('A', '100.00'), item('B', '150.00'), item('C', '10.00', '2204210000', 'Wine'), item('D', '149.99', '3304100000', 'Lipstick')], TARIFF_SEED, KINDS, 'CNY');
    expect(question).toBe(
      'Please send the invoice and the transaction record proving the declared unit price of A "Face cream 50 ml" (100.00 CNY, below half the reference price of 300.00 CNY) and D "Lipstick" (149.99 CNY, below half the reference price of 300.00 CNY).',
    );
  });

  it('lists three items with commas and a final "and"', () => {
    const question = proofQuestion([item('A', '1.00'), item('B', '2.00'), item('C', '3.00')], TARIFF_SEED, ['INVOICE'], 'CNY');
    expect(question).toMatch(/^Please send the invoice proving the declared unit price of A .*\), B .*\) and C .*\)\.$/);
  });
});
