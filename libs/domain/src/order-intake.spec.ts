import { checkCurrency, checkIdentityMatch, checkPaymentMatch, goodsTotal, IntakeOrder, judgeIntakeChecks } from './order-intake';

/** The contract example: 2 x 199.00 + freight 20.00, paid 418.00 by the consumer. */
class IntakeOrderBuilder {
  private order: IntakeOrder = {
    currency: 'CNY',
    consumer: { name: 'Li Wei', idNumber: '11010519491231002X' },
    payment: { payerName: 'Li Wei', payerIdNumber: '11010519491231002X', amount: '418.00' },
    items: [{ quantity: 2, unitPrice: '199.00' }],
    freight: '20.00',
    insurance: '0.00',
  };

  inCurrency(currency: string): this {
    this.order.currency = currency;
    return this;
  }

  paidBy(payerName: string, payerIdNumber = this.order.payment.payerIdNumber): this {
    this.order.payment = { ...this.order.payment, payerName, payerIdNumber };
    return this;
  }

  paying(amount: string): this {
    this.order.payment = { ...this.order.payment, amount };
    return this;
  }

  withItems(...items: [quantity: number, unitPrice: string][]): this {
    this.order.items = items.map(([quantity, unitPrice]) => ({ quantity, unitPrice }));
    return this;
  }

  withFreight(freight: string | undefined, insurance?: string): this {
    this.order.freight = freight;
    this.order.insurance = insurance;
    return this;
  }

  build(): IntakeOrder {
    return this.order;
  }
}

const anOrder = () => new IntakeOrderBuilder();

describe('order intake', () => {
  describe('judgeIntakeChecks', () => {
    it('accepts the contract example', () => {
      expect(judgeIntakeChecks(anOrder().build())).toEqual({ ok: true });
    });

    it('checks the currency first, then identity, then payment', () => {
      const everythingWrong = () => anOrder().inCurrency('USD').paidBy('Wang Fang').paying('1.00');
      expect(judgeIntakeChecks(everythingWrong().build())).toMatchObject({ ok: false, reasonCode: 'UNSUPPORTED_CURRENCY' });
      expect(judgeIntakeChecks(everythingWrong().inCurrency('CNY').build())).toMatchObject({ ok: false, reasonCode: 'IDENTITY_MISMATCH' });
      expect(judgeIntakeChecks(everythingWrong().inCurrency('CNY').paidBy('Li Wei').build())).toMatchObject({ ok: false, reasonCode: 'PAYMENT_MISMATCH' });
    });
  });

  describe('checkCurrency', () => {
    it('accepts CNY', () => {
      expect(checkCurrency({ currency: 'CNY' })).toEqual({ ok: true });
    });

    it.each(['USD', 'HKD', 'cny'])('rejects %s as UNSUPPORTED_CURRENCY, naming currency', (currency) => {
      expect(checkCurrency({ currency })).toEqual({
        ok: false,
        reasonCode: 'UNSUPPORTED_CURRENCY',
        details: [{ field: 'currency', message: `currency ${currency} is not supported; orders are paid in CNY` }],
      });
    });
  });

  describe('checkIdentityMatch', () => {
    it('accepts a payer who is the consumer', () => {
      expect(checkIdentityMatch(anOrder().build())).toEqual({ ok: true });
    });

    it('accepts surrounding spaces and a lowercase x check character on the payment side', () => {
      expect(checkIdentityMatch(anOrder().paidBy(' Li Wei ', '11010519491231002x ').build())).toEqual({ ok: true });
    });

    it('rejects another payer name, naming payment.payerName', () => {
      expect(checkIdentityMatch(anOrder().paidBy('Wang Fang').build())).toEqual({
        ok: false,
        reasonCode: 'IDENTITY_MISMATCH',
        details: [{ field: 'payment.payerName', message: 'payment.payerName must be the consumer.name of the order' }],
      });
    });

    it('compares names exactly apart from the ends: case and inner spaces count', () => {
      expect(checkIdentityMatch(anOrder().paidBy('LI WEI').build()).ok).toBe(false);
      expect(checkIdentityMatch(anOrder().paidBy('Li  Wei').build()).ok).toBe(false);
    });

    it('rejects another payer ID number, naming payment.payerIdNumber and showing both numbers masked', () => {
      expect(checkIdentityMatch(anOrder().paidBy('Li Wei', '440308199901011234').build())).toEqual({
        ok: false,
        reasonCode: 'IDENTITY_MISMATCH',
        details: [{ field: 'payment.payerIdNumber', message: 'payment.payerIdNumber 440308********1234 must be the consumer.idNumber 110105********002X' }],
      });
    });

    it('lists both fields when neither name nor ID number match', () => {
      const result = checkIdentityMatch(anOrder().paidBy('Wang Fang', '440308199901011234').build());
      expect(result.ok === false && result.details.map((detail) => detail.field)).toEqual(['payment.payerName', 'payment.payerIdNumber']);
    });
  });

  describe('checkPaymentMatch', () => {
    it('accepts a payment of goods + freight + insurance: 2 x 199.00 + 20.00 + 0.00 = 418.00', () => {
      expect(checkPaymentMatch(anOrder().build())).toEqual({ ok: true });
    });

    it('counts insurance: 2 x 150.00 + 30.00 + 5.00 = 335.00', () => {
      expect(checkPaymentMatch(anOrder().withItems([2, '150.00']).withFreight('30.00', '5.00').paying('335.00').build())).toEqual({ ok: true });
    });

    it('reads absent freight and insurance as 0.00', () => {
      expect(checkPaymentMatch(anOrder().withFreight(undefined, undefined).paying('398.00').build())).toEqual({ ok: true });
    });

    it('compares amounts, not spellings: 418 equals 418.00', () => {
      expect(checkPaymentMatch(anOrder().paying('418').build())).toEqual({ ok: true });
    });

    it.each([
      ['417.99', 'one cent short'],
      ['418.01', 'one cent over'],
      ['398.00', 'the goods without the freight'],
    ])('rejects a payment of %s (%s), naming payment.amount and the expected amount', (amount) => {
      expect(checkPaymentMatch(anOrder().paying(amount).build())).toEqual({
        ok: false,
        reasonCode: 'PAYMENT_MISMATCH',
        details: [{ field: 'payment.amount', message: `payment.amount ${amount} must equal goods 398.00 + freight 20.00 + insurance 0.00 = 418.00` }],
      });
    });

    it('adds several lines exactly: 3 x 0.10 + 1 x 0.20 + 0.01 freight = 0.51', () => {
      const order = anOrder().withItems([3, '0.10'], [1, '0.20']).withFreight('0.01', '0.00');
      expect(checkPaymentMatch(order.paying('0.51').build())).toEqual({ ok: true });
      expect(checkPaymentMatch(order.paying('0.50').build()).ok).toBe(false);
    });
  });

  describe('goodsTotal', () => {
    it.each([
      [[[2, '199.00']], '398.00'],
      [[[1, '0.10'], [2, '0.20']], '0.50'],
      [[[7, '19.99'], [1, '5000.00']], '5139.93'],
    ] as [[number, string][], string][])('sums quantity * unitPrice over %j: %s', (items, total) => {
      expect(goodsTotal(items.map(([quantity, unitPrice]) => ({ quantity, unitPrice })))).toBe(total);
    });
  });
});
