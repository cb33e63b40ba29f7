import type { ClearanceRecord, TimelineRecord } from '../clearance-record';
import { compareReadModels } from './compare.rule';

const ref = { platformId: 'tmall-global', orderId: 'TG-1' };
const entry = (eventId: string, step: number): TimelineRecord => ({ eventId, kind: 'status', type: 't', status: 'DECLARED', at: '2026-11-11T00:00:00.000Z', service: 'declaration', customsCode: 120, reasonCode: null, step, causationId: null, receipt: null });
const record = (status = 'DECLARED', timeline = [entry('a', 1), entry('b', 2)]): ClearanceRecord => ({
  ref,
  view: { ...ref, clearanceModel: 'GENERAL_TRADE', status: status as 'DECLARED', reasonCode: null, declarationNumber: 'D-1', taxAssessment: null, permitNumber: null, pickup: { location: { name: 'n', address: 'a' }, availableFrom: 'f', availableUntil: 'u', pickupCode: '1' }, delivery: null, particulars: null, createdAt: 'c', updatedAt: 'u' },
  timeline,
});
const models = (...records: ClearanceRecord[]) => new Map(records.map((r) => [`${r.ref.platformId}/${r.ref.orderId}`, r]));

describe('compareReadModels', () => {
  it('finds equal what is equal, whatever the order of the entries and the keys of jsonb', () => {
    const live = record();
    const rebuilt = record('DECLARED', [entry('b', 2), entry('a', 1)]);
    rebuilt.view!.pickup = { pickupCode: '1', availableUntil: 'u', availableFrom: 'f', location: { address: 'a', name: 'n' } };
    expect(compareReadModels(models(live), models(rebuilt), new Set(['a', 'b']))).toEqual({ orders: 1, equal: 1, changedSince: [], differences: [] });
  });

  it('names a different view field and a different timeline entry', () => {
    const rebuilt = record('UNDER_REVIEW', [entry('a', 1), entry('c', 2)]);
    const { differences, equal } = compareReadModels(models(record()), models(rebuilt), new Set(['a', 'b', 'c']));
    expect(equal).toBe(0);
    expect(differences.map((d) => d.what)).toEqual(['view.status', 'timeline[1]']);
  });

  it('names an order only one side has', () => {
    const { differences } = compareReadModels(models(record()), new Map(), new Set(['a', 'b']));
    expect(differences.map((d) => d.what)).toEqual(['view', 'timeline[0]', 'timeline[1]']);
  });

  it('sets aside an order the live model changed after the history was taken', () => {
    const live = record('UNDER_REVIEW', [entry('a', 1), entry('b', 2), entry('later', 3)]);
    expect(compareReadModels(models(live), models(record()), new Set(['a', 'b']))).toEqual({ orders: 1, equal: 0, changedSince: ['tmall-global/TG-1'], differences: [] });
  });
});
