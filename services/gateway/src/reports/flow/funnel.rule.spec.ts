import { funnelOf, funnelSteps } from './funnel.rule';

describe('the funnel of the steps', () => {
  it('follows direct mail through its documents and delivery, manual review optional', () => {
    expect(funnelSteps('DIRECT_MAIL')).toEqual([
      { status: 'RECEIVED', optional: false },
      { status: 'ORDER_CONFIRMED', optional: false },
      { status: 'DOCUMENTS_REQUESTED', optional: false },
      { status: 'DOCUMENTS_READY', optional: false },
      { status: 'DECLARED', optional: false },
      { status: 'UNDER_REVIEW', optional: false },
      { status: 'HELD_FOR_REVIEW', optional: true },
      { status: 'APPROVED', optional: false },
      { status: 'TAX_ASSESSED', optional: false },
      { status: 'TAX_PAID', optional: false },
      { status: 'IN_TRANSIT', optional: false },
      { status: 'OUT_FOR_DELIVERY', optional: false },
      { status: 'COMPLETED', optional: false },
    ]);
  });

  it('gives the bonded zone quarantine and proof as optional steps, and a permit and pickup', () => {
    const steps = funnelSteps('BONDED_ZONE');
    expect(steps.filter((s) => s.optional).map((s) => s.status)).toEqual(['QUARANTINE_INSPECTION', 'PROOF_REQUESTED', 'PROOF_SUBMITTED', 'HELD_FOR_REVIEW']);
    expect(steps.map((s) => s.status)).toEqual(expect.arrayContaining(['PERMIT_ISSUED', 'READY_FOR_PICKUP']));
    expect(steps.map((s) => s.status)).not.toContain('OUT_FOR_DELIVERY');
  });

  it('leaves proof out of general trade', () => {
    expect(funnelSteps('GENERAL_TRADE').map((s) => s.status)).not.toContain('PROOF_REQUESTED');
  });

  it('for every model, marks as optional what not every model passes, and never lists REJECTED', () => {
    const steps = funnelSteps();
    expect(steps.map((s) => s.status)).not.toContain('REJECTED');
    expect(steps.filter((s) => !s.optional).map((s) => s.status)).toEqual(['RECEIVED', 'ORDER_CONFIRMED', 'DECLARED', 'UNDER_REVIEW', 'APPROVED', 'TAX_ASSESSED', 'TAX_PAID', 'IN_TRANSIT', 'COMPLETED']);
  });

  it('counts the entered orders at RECEIVED and shares of them at each step', () => {
    const funnel = funnelOf('GENERAL_TRADE', { ORDER_CONFIRMED: 3, COMPLETED: 1 }, 4);
    expect(funnel[0]).toEqual({ status: 'RECEIVED', orders: 4, share: 1, optional: false });
    expect(funnel.find((s) => s.status === 'ORDER_CONFIRMED')).toEqual({ status: 'ORDER_CONFIRMED', orders: 3, share: 0.75, optional: false });
    expect(funnel.find((s) => s.status === 'DECLARED')).toEqual({ status: 'DECLARED', orders: 0, share: 0, optional: false });
    expect(funnel.at(-1)).toEqual({ status: 'COMPLETED', orders: 1, share: 0.25, optional: false });
  });

  it('gives shares of 0 when nothing entered', () => {
    expect(funnelOf(undefined, {}, 0).every((step) => step.share === 0 && step.orders === 0)).toBe(true);
  });
});
