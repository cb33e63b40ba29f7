import { nextStep, refusal } from './internal-events';

describe('refusal', () => {
  const ref = { platformId: 'tmall-global', orderId: 'TG1' };
  const refused = { id: 'evt-9', type: 'cbec.platform.tax-paid.v1' };
  const grounds = { reasonCode: 'UNEXPECTED_EVENT', message: 'no tax assessed yet' } as const;

  it.each([
    ['without a model, for a service that holds none', undefined, { ...ref, refusedEventId: 'evt-9', refusedType: 'cbec.platform.tax-paid.v1', ...grounds }],
    ['with the model of the order', 'BONDED_ZONE', { ...ref, clearanceModel: 'BONDED_ZONE', refusedEventId: 'evt-9', refusedType: 'cbec.platform.tax-paid.v1', ...grounds }],
    ['with a null model, for an order never seen', null, { ...ref, clearanceModel: null, refusedEventId: 'evt-9', refusedType: 'cbec.platform.tax-paid.v1', ...grounds }],
  ] as const)('names the refused event %s', (_, clearanceModel, expected) => {
    expect(clearanceModel === undefined ? refusal(ref, refused, grounds) : refusal(ref, refused, grounds, clearanceModel)).toStrictEqual(expected);
  });

  it('carries the details when there are some, and only the grounds of a verdict', () => {
    const details = [{ field: 'amount', message: 'must be the assessed total' }];
    const verdict = { kind: 'refused', reasonCode: 'INVALID_REQUEST', message: 'invalid', details, attempts: { wrongCodes: 1 } } as const;
    expect(refusal({ ...ref, extra: 1 } as typeof ref, refused, verdict)).toStrictEqual({ ...ref, refusedEventId: 'evt-9', refusedType: refused.type, reasonCode: 'INVALID_REQUEST', message: 'invalid', details });
  });
});

describe('nextStep', () => {
  it.each([
    ['an event without a step', {}, 1],
    ['an event at step 0', { step: 0 }, 1],
    ['an event at step 4', { step: 4 }, 5],
  ])('follows %s', (_, event, expected) => {
    expect(nextStep(event)).toBe(expected);
  });
});
