import { PLATFORM_EVENTS, SINGLE_WINDOW_EVENTS } from '@cbec/contracts';
import { createEvent } from '@cbec/messaging';
import { emptyRecord } from '../read-model/clearance-record';
import { project } from '../read-model/projection.rule';
import { presentClearance } from './clearance-presentation';

const ref = { platformId: 'tmall-global', orderId: 'TG-1' };
const placed = createEvent({ type: PLATFORM_EVENTS.orderPlaced, source: 'https://tmall.example', subject: 'tmall-global/TG-1', data: { ...ref, clearanceModel: 'DIRECT_MAIL' }, time: '2026-11-11T00:00:01.000Z' });
const receipt = createEvent({
  type: SINGLE_WINDOW_EVENTS.receiptRecorded,
  source: '/services/single-window',
  subject: 'tmall-global/TG-1',
  data: { ...ref, clearanceModel: 'DIRECT_MAIL', messageType: 'CEB622', guid: 'G-1', copNo: 'C-1', returnStatus: '120', returnInfo: '[Code:2600;Desc:ok]', at: '2026-11-11T00:00:05.000Z', preNo: 'PRE-1', invtNo: 'INVT-1' },
  time: '2026-11-11T00:00:06.000Z',
});

describe('presentClearance', () => {
  const record = [placed, receipt].reduce(project, emptyRecord(ref));
  const body = presentClearance(record.view!, record.timeline);

  it('shows a customs receipt in the timeline with its message type, code and returnInfo', () => {
    expect(body.timeline[1]).toEqual({ type: 'customs-receipt', at: '2026-11-11T00:00:05.000Z', service: 'single-window', customsCode: 120, messageType: 'CEB622', returnInfo: '[Code:2600;Desc:ok]' });
  });

  it('keeps the receipt fields off the other entries', () => {
    expect(body.timeline[0]).toEqual({ type: PLATFORM_EVENTS.orderPlaced, status: 'RECEIVED', at: '2026-11-11T00:00:01.000Z', service: 'gateway' });
  });

  it('shows what customs told, and its invtNo as the declaration number', () => {
    expect(body.customs).toEqual({ preNo: 'PRE-1', invtNo: 'INVT-1', lastReceipt: { messageType: 'CEB622', returnStatus: '120', returnInfo: '[Code:2600;Desc:ok]', at: '2026-11-11T00:00:05.000Z' } });
    expect(body.declarationNumber).toBe('INVT-1');
  });

  it('leaves customs out of an order with no receipt', () => {
    const plain = project(emptyRecord(ref), placed);
    expect('customs' in presentClearance(plain.view!, plain.timeline)).toBe(false);
  });
});
