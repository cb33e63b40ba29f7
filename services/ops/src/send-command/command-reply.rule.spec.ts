import { OPS_COMMANDS } from '@cbec/contracts';
import { replyTo } from './command-reply.rule';

const REQUEST = '0b8f3c1e-3a43-4c5e-9b43-3f8e2f0d6a11';

describe('replyTo', () => {
  it.each(Object.values(OPS_COMMANDS))('answers 200 with the outcome when %s is APPLIED', (type) => {
    expect(replyTo(type, REQUEST, { outcome: 'APPLIED', message: 'done' })).toEqual({ status: 200, body: { requestId: REQUEST, outcome: 'APPLIED', message: 'done' } });
  });

  it('answers 409 when an inspection decision does not apply to the order now', () => {
    const answer = { outcome: 'REFUSED' as const, message: 'order is UNDER_REVIEW, not waiting for an officer' };
    expect(replyTo(OPS_COMMANDS.decideInspection, REQUEST, answer)).toEqual({ status: 409, body: { error: answer.message, details: [] } });
  });

  it('answers 400 with the field errors when tax-permit refuses a tariff entry', () => {
    const details = [{ field: 'consumptionTaxRate', message: 'consumptionTaxRate must be below 1' }];
    expect(replyTo(OPS_COMMANDS.upsertTariff, REQUEST, { outcome: 'REFUSED', message: 'invalid tariff entry', details })).toEqual({ status: 400, body: { error: 'invalid tariff entry', details } });
  });

  it('answers 409 when the owning group no longer holds a dead letter', () => {
    expect(replyTo(OPS_COMMANDS.replayDeadLetter, REQUEST, { outcome: 'REFUSED', message: 'no dead letter' })).toMatchObject({ status: 409 });
  });

  it('answers 409 to a refusal of a command it does not know', () => {
    expect(replyTo(null, REQUEST, { outcome: 'REFUSED', message: 'no' })).toMatchObject({ status: 409 });
  });

  it.each(Object.values(OPS_COMMANDS))('answers 202 PENDING with where to ask again when %s has no answer in time', (type) => {
    expect(replyTo(type, REQUEST, undefined)).toEqual({ status: 202, body: { requestId: REQUEST, status: 'PENDING', links: { answer: `/v1/ops/commands/${REQUEST}` } } });
  });
});
