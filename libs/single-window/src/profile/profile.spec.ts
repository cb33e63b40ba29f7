import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { BONDED_ZONES } from '@cbec/contracts';
import { ConfigError } from '../config-error';
import { DEV_PROFILE_FILE, loadProfile, profileFor, profileProblems, SingleWindowProfile } from './profile';

const dev = () => structuredClone(loadProfile().profile) as SingleWindowProfile & Record<string, unknown>;

describe('the dev profile', () => {
  it('is the default, known as the dev profile, and usable', () => {
    expect(loadProfile()).toMatchObject({ isDevProfile: true });
    expect(profileProblems(dev())).toEqual([]);
  });

  it('covers the platforms, carriers and zones of the seed and the examples, and has defaults', () => {
    const profile = dev();
    expect(Object.keys(profile.platforms)).toEqual(expect.arrayContaining(['tmall-global', 'jd-worldwide', '*']));
    expect(Object.keys(profile.carriers)).toEqual(expect.arrayContaining(['SF-INTL', '*']));
    expect(Object.keys(profile.bondedZones)).toEqual(expect.arrayContaining([...BONDED_ZONES]));
  });
});

describe('loadProfile', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'single-window-profile-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (content: string) => {
    const file = path.join(dir, `profile-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, content);
    return file;
  };

  it('reads another file, which is not the dev profile', () => {
    expect(loadProfile(write(JSON.stringify(dev())))).toMatchObject({ isDevProfile: false, profile: dev() });
    expect(path.isAbsolute(DEV_PROFILE_FILE)).toBe(true);
  });

  it.each([
    ['a missing file', path.join('/nowhere', 'profile.json'), /profile \/nowhere\/profile\.json cannot be read: ENOENT/],
    ['text that is not JSON', 'not json', /cannot be read: .*JSON/],
  ])('stops start-up on %s (ConfigError)', (_, fileOrContent, message) => {
    const file = fileOrContent.startsWith('/') ? fileOrContent : write(fileOrContent);
    expect(() => loadProfile(file)).toThrow(ConfigError);
    expect(() => loadProfile(file)).toThrow(message);
  });

  it('names every path that is missing, malformed or too long, at once', () => {
    const profile = dev();
    delete (profile.platforms['*'] as Partial<SingleWindowProfile['platforms'][string]>).ebpCode;
    profile.platforms['tmall-global'].ebpName = 'x'.repeat(101);
    profile.carriers['SF-INTL'].trafMode = '9';
    profile.bondedZones.HANGZHOU.customsCode = '29911';
    profile.directMail.portCode = 'ABCD';
    (profile.agent as unknown as Record<string, unknown>).dxpId = 42;
    expect(() => loadProfile(write(JSON.stringify(profile)))).toThrow(
      [
        'agent.dxpId must be a string',
        'platforms.tmall-global.ebpName is 101 characters, at most 100 allowed (InventoryHead.ebpName)',
        'platforms.*.ebpCode is missing',
        'carriers.SF-INTL.trafMode must be a transport mode of JGS-20: 2, 4, 5',
        'bondedZones.HANGZHOU.customsCode must be 4 digits of the customs area code table',
        'directMail.portCode must be 4 digits of the customs area code table',
      ].join('; '),
    );
  });
});

describe('profileProblems', () => {
  it.each<[string, (profile: Record<string, any>) => void, string[]]>([
    ['no agent', (p) => delete p.agent, ['agent is missing']],
    ['platforms not an object', (p) => (p.platforms = []), ['platforms must be an object of entries']],
    ['no carrier at all', (p) => (p.carriers = {}), ['carriers has no entry (a "*" entry is the default)']],
    ['a zone of the contract without an entry or a default', (p) => delete p.bondedZones.ZHENGZHOU, ['bondedZones.ZHENGZHOU is missing (every configured zone needs an entry, or "*")']],
    ['an agent code over 18 characters', (p) => (p.agent.copCode = 'C'.repeat(19)), ['agent.copCode is 19 characters, at most 18 allowed (InventoryHead.agentCode)']],
    ['a value with spaces around it', (p) => (p.agent.copName = ' Broker '), ['agent.copName must be a non-empty string without leading or trailing spaces']],
    ['an empty assurance code', (p) => (p.platforms['jd-worldwide'].assureCode = ''), ['platforms.jd-worldwide.assureCode must be a non-empty string without leading or trailing spaces']],
    ['a bill number over 37 characters', (p) => (p.carriers['*'].billNo = 'B'.repeat(38)), ['carriers.*.billNo is 38 characters, at most 37 allowed (InventoryHead.billNo)']],
    ['a zone without its account book', (p) => delete p.bondedZones.ZHENGZHOU.emsNo, ['bondedZones.ZHENGZHOU.emsNo is missing']],
    ['no direct mail customs', (p) => delete p.directMail, ['directMail is missing']],
  ])('names the path: %s', (_, change, problems) => {
    const profile = dev();
    change(profile);
    expect(profileProblems(profile)).toEqual(problems);
  });

  it('accepts a default zone in place of each zone, and carriers without transport (the orders may name it)', () => {
    const profile = dev();
    profile.bondedZones = { '*': profile.bondedZones.HANGZHOU };
    profile.carriers = { '*': { logisticsCode: 'L1', logisticsName: 'Carrier' } };
    expect(profileProblems(profile)).toEqual([]);
  });
});

describe('profileFor', () => {
  it('takes an order\'s own entries', () => {
    const resolved = profileFor(dev(), { platformId: 'tmall-global', carrier: 'SF-INTL', bondedZone: 'ZHENGZHOU' });
    expect(resolved).toMatchObject({ platform: { ebpCode: '3301960TMG' }, carrier: { logisticsCode: '4403180SFI' }, bondedZone: { customsCode: '4612' }, paths: { platform: 'platforms.tmall-global', carrier: 'carriers.SF-INTL', bondedZone: 'bondedZones.ZHENGZHOU' } });
  });

  it('falls back on the "*" entry of each map', () => {
    const profile = dev();
    profile.bondedZones['*'] = profile.bondedZones.HANGZHOU;
    const resolved = profileFor(profile, { platformId: 'new-shop', carrier: 'NEW-CARRIER', bondedZone: 'NINGBO' });
    expect(resolved.paths).toEqual({ platform: 'platforms.*', carrier: 'carriers.*', bondedZone: 'bondedZones.*' });
  });

  it('has no zone for an order without one', () => {
    expect(profileFor(dev(), { platformId: 'tmall-global', carrier: 'SF-INTL' })).not.toHaveProperty('bondedZone');
  });

  it.each([
    ['platforms', { platformId: 'new-shop', carrier: 'SF-INTL' }, 'no platforms.new-shop and no default platforms.*'],
    ['carriers', { platformId: 'tmall-global', carrier: 'NEW' }, 'no carriers.NEW and no default carriers.*'],
    ['bondedZones', { platformId: 'tmall-global', carrier: 'SF-INTL', bondedZone: 'NINGBO' }, 'no bondedZones.NINGBO and no default bondedZones.*'],
  ])('is a ConfigError naming what is missing from %s', (map, lookup, message) => {
    const profile = dev();
    delete (profile as unknown as Record<string, Record<string, unknown>>)[map]['*'];
    expect(() => profileFor(profile, lookup)).toThrow(ConfigError);
    expect(() => profileFor(profile, lookup)).toThrow(message);
  });
});
