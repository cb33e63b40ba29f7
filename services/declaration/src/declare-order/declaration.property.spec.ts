// Issue 11: an order that passes intake can be declared, whatever the contract lets it hold.
import fc from 'fast-check';
import { judgeOrderIntake } from '@cbec/domain';
import { acceptableOrder, FUZZ_SEED } from '@cbec/testing';
import { buildDeclaration, declarationSubmitted, planDeclaration } from './declaration.rule';

describe('declaring any order intake accepts', () => {
  it('plans and builds its declaration (model I with the waybill logistics assigns)', () => {
    fc.assert(
      fc.property(acceptableOrder, (data) => {
        const verdict = judgeOrderIntake(data);
        if (!verdict.ok) throw new Error(`intake refused a valid order: ${JSON.stringify(verdict.details)}`);
        const order = verdict.order;
        const plan = planDeclaration(order);
        const documents = plan.action === 'SUBMIT' ? plan.documents : [];
        const waybillNumber = order.clearanceModel === 'DIRECT_MAIL' && !order.logistics.waybillNumber ? 'SF-ASSIGNED-1' : undefined;
        const declaration = buildDeclaration({ declarationNumber: 'CBEC2026000000000001', order, documents, waybillNumber, declaredAt: new Date('2026-11-11T00:10:00Z') });
        expect(declaration.logistics.waybillNumber).toEqual(expect.any(String));
        expect(declarationSubmitted(declaration).declaration.consignee.name).toBe(order.consumer.name);
      }),
      { seed: FUZZ_SEED, numRuns: 200 },
    );
  });
});
