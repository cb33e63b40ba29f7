import type { ClearanceModel, DocumentKind } from '@cbec/contracts';
import { isBelowHalfReferencePrice, isSampledForReview, judgeProof, planReview, ReviewInput } from './inspection-rules';
import { TARIFF_SEED, TariffEntry } from './tariff';

// HS codes filed under the seed entries (CONTRACT 4.1).
const HS_CODES = {
  cosmetics: '3304990099', // reference unit price 300.00
  formula: '1901101000', // quarantine
  wine: '2204210000', // quarantine
  books: '4901990000',
  plants: '0602909100', // quarantine, not on the positive list
  medicaments: '3004909000', // not on the positive list
  firearms: '9303200000', // prohibited, not on the positive list
  unknown: '9999999999',
};
type Goods = keyof typeof HS_CODES;

class ReviewInputBuilder {
  private input: ReviewInput = { model: 'BONDED_ZONE', items: [], tariff: TARIFF_SEED, sampledForReview: false };

  constructor(model: ClearanceModel) {
    this.input.model = model;
  }

  withItem(goods: Goods, unitPrice = '100.00'): this {
    this.input.items = [...this.input.items, { sku: `${goods}-${this.input.items.length + 1}`, hsCode: HS_CODES[goods], unitPrice }];
    return this;
  }

  withTariff(tariff: TariffEntry[]): this {
    this.input.tariff = tariff;
    return this;
  }

  sampled(): this {
    this.input.sampledForReview = true;
    return this;
  }

  withCustomsDeciding(): this {
    this.input.customsDecides = true;
    return this;
  }

  build(): ReviewInput {
    return { ...this.input };
  }
}

const aReviewOf = (model: ClearanceModel) => new ReviewInputBuilder(model);
const ALL_MODELS: ClearanceModel[] = ['DIRECT_MAIL', 'GENERAL_TRADE', 'BONDED_ZONE'];
const PRICE_PROOF: DocumentKind[] = ['INVOICE', 'TRANSACTION_RECORD'];

function outcome(review: ReviewInputBuilder): string {
  const plan = planReview(review.build());
  return plan.outcome === 'REJECT' ? plan.reasonCode : 'PROCEED';
}

const proceed = (overrides: Partial<{ quarantine: boolean; proofRequired: DocumentKind[]; heldForReview: boolean }> = {}) => ({
  outcome: 'PROCEED',
  quarantine: false,
  proofRequired: [],
  heldForReview: false,
  ...overrides,
});

describe('planReview', () => {
  describe('rule 0: an item without a tariff entry', () => {
    it.each(ALL_MODELS)('rejects UNKNOWN_HS_CODE in %s, naming every unknown item', (model) => {
      expect(planReview(aReviewOf(model).withItem('books').withItem('unknown').withItem('unknown').build())).toEqual({
        outcome: 'REJECT',
        reasonCode: 'UNKNOWN_HS_CODE',
        details: [
          { field: 'items[1].hsCode', message: 'no tariff entry for HS code 9999999999' },
          { field: 'items[2].hsCode', message: 'no tariff entry for HS code 9999999999' },
        ],
      });
    });

    it('comes before a prohibited item', () => {
      expect(outcome(aReviewOf('GENERAL_TRADE').withItem('firearms').withItem('unknown'))).toBe('UNKNOWN_HS_CODE');
    });

    it('files HS codes by the longest prefix of the tariff given', () => {
      const tariff = [
        { ...TARIFF_SEED[0], hsPrefix: '3304' },
        { ...TARIFF_SEED[0], hsPrefix: '330499', description: 'a banned preparation', prohibited: true },
      ];
      expect(outcome(aReviewOf('BONDED_ZONE').withItem('cosmetics', '500.00').withTariff(tariff))).toBe('PROHIBITED_GOODS');
      expect(outcome(aReviewOf('BONDED_ZONE').withItem('cosmetics', '500.00').withTariff([]))).toBe('UNKNOWN_HS_CODE');
    });
  });

  describe('rule 1: a prohibited item', () => {
    it.each(ALL_MODELS)('rejects PROHIBITED_GOODS in %s', (model) => {
      expect(planReview(aReviewOf(model).withItem('books').withItem('firearms').build())).toEqual({
        outcome: 'REJECT',
        reasonCode: 'PROHIBITED_GOODS',
        details: [{ field: 'items[1].hsCode', message: 'firearms-2 (HS 9303200000, firearms) is prohibited' }],
      });
    });

    it('comes before the positive list', () => {
      expect(outcome(aReviewOf('DIRECT_MAIL').withItem('medicaments').withItem('firearms'))).toBe('PROHIBITED_GOODS');
    });
  });

  describe('customs deciding (the Single Window in folder mode)', () => {
    it('still rejects by rules 0 to 2', () => {
      expect(outcome(aReviewOf('BONDED_ZONE').withItem('unknown').withCustomsDeciding())).toBe('UNKNOWN_HS_CODE');
      expect(outcome(aReviewOf('DIRECT_MAIL').withItem('medicaments').withCustomsDeciding())).toBe('NOT_ON_POSITIVE_LIST');
    });

    it('leaves out quarantine, proof and sampling: the receipts take their place', () => {
      const review = aReviewOf('BONDED_ZONE').withItem('formula').withItem('cosmetics', '10.00').sampled().withCustomsDeciding();
      expect(planReview(review.build())).toEqual({ ...proceed(), customsDecides: true });
    });
  });

  describe('rule 2: the positive list, for the retail models only', () => {
    it.each(['DIRECT_MAIL', 'BONDED_ZONE'] as ClearanceModel[])('rejects NOT_ON_POSITIVE_LIST in %s', (model) => {
      expect(planReview(aReviewOf(model).withItem('medicaments').withItem('books').build())).toEqual({
        outcome: 'REJECT',
        reasonCode: 'NOT_ON_POSITIVE_LIST',
        details: [{ field: 'items[0].hsCode', message: 'medicaments-1 (HS 3004909000, medicaments in doses) is not on the cross-border retail positive list' }],
      });
    });

    it('lets general trade import goods off the list', () => {
      expect(planReview(aReviewOf('GENERAL_TRADE').withItem('medicaments').build())).toEqual(proceed());
    });

    it('comes before quarantine: live plants are rejected in a bonded zone, inspected in general trade', () => {
      expect(outcome(aReviewOf('BONDED_ZONE').withItem('plants'))).toBe('NOT_ON_POSITIVE_LIST');
      expect(planReview(aReviewOf('GENERAL_TRADE').withItem('plants').build())).toEqual(proceed({ quarantine: true }));
    });
  });

  describe('rule 3: quarantine, for general trade and bonded zone only', () => {
    it.each([
      ['GENERAL_TRADE', true],
      ['BONDED_ZONE', true],
      ['DIRECT_MAIL', false],
    ] as [ClearanceModel, boolean][])('sends infant formula to quarantine inspection in %s: %s', (model, quarantine) => {
      expect(planReview(aReviewOf(model).withItem('books').withItem('formula').build())).toEqual(proceed({ quarantine }));
    });

    it('does not for goods that need none', () => {
      expect(planReview(aReviewOf('GENERAL_TRADE').withItem('books').withItem('cosmetics').build())).toEqual(proceed());
    });
  });

  describe('rule 4: a price below half the reference price, in a bonded zone only', () => {
    it('asks for an invoice and a transaction record for face cream at 149.99 (reference 300.00)', () => {
      expect(planReview(aReviewOf('BONDED_ZONE').withItem('cosmetics', '149.99').build())).toEqual(proceed({ proofRequired: PRICE_PROOF }));
    });

    it('asks for nothing at exactly half the reference price', () => {
      expect(planReview(aReviewOf('BONDED_ZONE').withItem('cosmetics', '150.00').build())).toEqual(proceed());
    });

    it.each(['DIRECT_MAIL', 'GENERAL_TRADE'] as ClearanceModel[])('asks for nothing in %s', (model) => {
      expect(planReview(aReviewOf(model).withItem('cosmetics', '0.01').build())).toEqual(proceed());
    });

    it('asks for nothing for goods without a reference price', () => {
      expect(planReview(aReviewOf('BONDED_ZONE').withItem('books', '0.01').build())).toEqual(proceed());
    });

    it('asks once when several items are cheap, and goes with quarantine', () => {
      const review = aReviewOf('BONDED_ZONE').withItem('cosmetics', '10.00').withItem('wine').withItem('cosmetics', '20.00');
      expect(planReview(review.build())).toEqual(proceed({ quarantine: true, proofRequired: PRICE_PROOF }));
    });
  });

  describe('rule 5: sampling for manual review', () => {
    it.each(ALL_MODELS)('holds a sampled order for review in %s', (model) => {
      expect(planReview(aReviewOf(model).withItem('books').sampled().build())).toEqual(proceed({ heldForReview: true }));
    });

    it('goes with the other steps in a bonded zone', () => {
      const review = aReviewOf('BONDED_ZONE').withItem('formula').withItem('cosmetics', '1.00').sampled();
      expect(planReview(review.build())).toEqual(proceed({ quarantine: true, proofRequired: PRICE_PROOF, heldForReview: true }));
    });

    it('does not save an order that a rule rejects', () => {
      expect(outcome(aReviewOf('DIRECT_MAIL').withItem('medicaments').sampled())).toBe('NOT_ON_POSITIVE_LIST');
    });
  });
});

describe('isBelowHalfReferencePrice', () => {
  it.each([
    ['149.99', '300.00', true],
    ['150.00', '300.00', false],
    ['150', '300', false],
    ['0.01', '0.03', true],
    ['0.01', '0.02', false],
  ])('%s against a reference of %s: %s', (unitPrice, referenceUnitPrice, below) => {
    expect(isBelowHalfReferencePrice(unitPrice, { referenceUnitPrice })).toBe(below);
  });

  it('is never true without a reference price', () => {
    expect(isBelowHalfReferencePrice('0.01', {})).toBe(false);
  });
});

describe('isSampledForReview', () => {
  const keys = Array.from({ length: 4000 }, (_, index) => `tmall-global/TG${String(index).padStart(10, '0')}`);

  it('samples nothing at rate 0 and everything at rate 1', () => {
    expect(keys.some((key) => isSampledForReview(key, 0))).toBe(false);
    expect(keys.every((key) => isSampledForReview(key, 1))).toBe(true);
  });

  it('reads the first 8 hex digits of the SHA-256 of the key as a fraction', () => {
    // sha256("tmall-global/TG20261111000123") starts 5da23ee3: 1570914019 / 2^32 = 0.36575692...
    expect(isSampledForReview('tmall-global/TG20261111000123', '0.3657')).toBe(false);
    expect(isSampledForReview('tmall-global/TG20261111000123', '0.3658')).toBe(true);
    // sha256("jd-worldwide/JD1") starts dae2bc54: 3672292436 / 2^32 = 0.85502221...
    expect(isSampledForReview('jd-worldwide/JD1', 0.855)).toBe(false);
    expect(isSampledForReview('jd-worldwide/JD1', 0.8551)).toBe(true);
  });

  it('gives the same answer for the same order every time', () => {
    const first = keys.map((key) => isSampledForReview(key, '0.5'));
    expect(keys.map((key) => isSampledForReview(key, 0.5))).toEqual(first);
  });

  it('samples about the share of orders the rate says', () => {
    const sampled = keys.filter((key) => isSampledForReview(key, '0.25')).length / keys.length;
    expect(sampled).toBeGreaterThan(0.22);
    expect(sampled).toBeLessThan(0.28);
  });

  it.each([-0.1, 1.5, 'abc', '', Number.NaN])('refuses a rate of %j', (rate) => {
    expect(() => isSampledForReview('tmall-global/TG1', rate)).toThrow(RangeError);
  });
});

describe('judgeProof', () => {
  it('accepts a submission holding every requested kind', () => {
    expect(judgeProof(PRICE_PROOF, ['TRANSACTION_RECORD', 'INVOICE'])).toEqual({ ok: true });
  });

  it('accepts kinds nobody asked for alongside', () => {
    expect(judgeProof(PRICE_PROOF, ['PACKING_LIST', 'INVOICE', 'TRANSACTION_RECORD', 'INVOICE'])).toEqual({ ok: true });
  });

  it.each([
    [['INVOICE'], ['TRANSACTION_RECORD']],
    [['TRANSACTION_RECORD', 'CONTRACT'], ['INVOICE']],
    [[], ['INVOICE', 'TRANSACTION_RECORD']],
  ] as DocumentKind[][][])('rejects %j as INSUFFICIENT_PROOF, missing %j', (submitted, missing) => {
    expect(judgeProof(PRICE_PROOF, submitted)).toEqual({ ok: false, reasonCode: 'INSUFFICIENT_PROOF', missing });
  });

  it('judges a submission alone: an earlier invoice does not complete a later transaction record', () => {
    expect(judgeProof(PRICE_PROOF, ['INVOICE']).ok).toBe(false);
    expect(judgeProof(PRICE_PROOF, ['TRANSACTION_RECORD']).ok).toBe(false);
  });

  it('accepts anything when nothing was requested', () => {
    expect(judgeProof([], [])).toEqual({ ok: true });
  });
});
