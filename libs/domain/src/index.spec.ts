import * as domain from './index';

describe('@cbec/domain', () => {
  it('offers every rule from one entry point', () => {
    const rules = ['toMoney', 'sumMoney', 'isMoneyString', 'isValidResidentId', 'residentIdProblem', 'findTariffEntry', 'isValidHsPrefix', 'checkIdentityMatch', 'checkPaymentMatch', 'goodsTotal', 'shareFreight', 'decideRetailRegime', 'quotaYear', 'assessTax', 'planReview', 'isSampledForReview', 'judgeProof'];
    expect(rules.filter((name) => typeof (domain as Record<string, unknown>)[name] !== 'function')).toEqual([]);
    expect([domain.SINGLE_ORDER_LIMIT, domain.ANNUAL_LIMIT, domain.RETAIL_TAX_FACTOR, domain.TARIFF_SEED.length]).toEqual(['5000.00', '26000.00', '0.7', 11]);
  });
});
