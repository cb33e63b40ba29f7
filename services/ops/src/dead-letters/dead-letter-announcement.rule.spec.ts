import { viewOfAnnouncement } from './dead-letter-announcement.rule';

const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
const announcedAt = '2026-11-11T10:00:00.000Z';
const letter = { id, consumerGroup: 'cbec.order', topic: 'cbec.platform.inbound', partition: 2, offset: '42', key: 'tmall-global/TG1', reason: 'value is not valid JSON', attempts: 0, deadAt: '2026-11-11T09:59:59.000Z', payload: '{oops' };

describe('viewOfAnnouncement', () => {
  it('keeps the letter as announced', () => {
    expect(viewOfAnnouncement(letter, announcedAt)).toEqual({ ...letter, deadAt: new Date(letter.deadAt) });
  });

  it.each([
    ['no id', { ...letter, id: undefined }],
    ['an id that is no UUID', { ...letter, id: 'dl-1' }],
    ['no consumer group', { ...letter, consumerGroup: undefined }],
    ['no data at all', null],
  ])('keeps nothing of an announcement with %s', (_, announced) => {
    expect(viewOfAnnouncement(announced, announcedAt)).toBeUndefined();
  });

  it('takes the announcement time for a missing or unreadable dead-at, no key, no attempts and an empty payload for missing ones', () => {
    expect(viewOfAnnouncement({ id, consumerGroup: 'cbec.order', deadAt: 'yesterday' }, announcedAt)).toMatchObject({ deadAt: new Date(announcedAt), key: null, attempts: 0, payload: '' });
  });

  it('escapes what text cannot hold', () => {
    expect(viewOfAnnouncement({ ...letter, key: 'a\u0000b', payload: 'x\u0000' }, announcedAt)).toMatchObject({ key: 'a\\u0000b', payload: 'x\\u0000' });
  });
});
