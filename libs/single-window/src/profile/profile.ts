// Who declares, for which platform, with which carrier, through which customs (CONTRACT 8.3): the
// profile, a JSON file (SINGLE_WINDOW_PROFILE), read and checked once at start-up. Every value
// must fit the message element it goes into (the element table), so no message is ever half
// built for want of one; a `"*"` entry is the default of its map.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { BONDED_ZONES, TRANSPORT_MODES } from '@cbec/contracts';
import { ConfigError } from '../config-error';
import { BusinessElement, elementSpec, valueProblem } from '../elements';

export interface AgentProfile {
  copCode: string;
  copName: string;
  dxpId: string;
}
export interface PlatformProfile {
  ebpCode: string;
  ebpName: string;
  ebcCode: string;
  ebcName: string;
  assureCode: string;
}
export interface CarrierProfile {
  logisticsCode: string;
  logisticsName: string;
  trafMode?: string;
  trafNo?: string;
  voyageNo?: string;
  billNo?: string;
}
export interface ZoneProfile {
  customsCode: string;
  portCode: string;
  emsNo: string;
  areaCode: string;
  areaName: string;
  trafMode?: string;
}
export interface DirectMailProfile {
  customsCode: string;
  portCode: string;
}
export interface SingleWindowProfile {
  agent: AgentProfile;
  platforms: Record<string, PlatformProfile>;
  carriers: Record<string, CarrierProfile>;
  bondedZones: Record<string, ZoneProfile>;
  directMail: DirectMailProfile;
}

/** The key of the default entry of each map. */
export const DEFAULT_ENTRY = '*';

/** The project's dev profile: made-up codes for the platforms, carriers and zones the seed and examples use. */
export const DEV_PROFILE_FILE: string = path.join(__dirname, 'dev-profile.json');

/** What each profile value is: the element it is written in (its length), and a format where the codes have one. */
interface FieldRule {
  element: [BusinessElement, string];
  optional?: boolean;
  format?: { pattern: RegExp; says: string };
}

const CUSTOMS_AREA_CODE = { pattern: /^\d{4}$/, says: 'must be 4 digits of the customs area code table' };
const TRANSPORT_MODE = { pattern: new RegExp(`^(${TRANSPORT_MODES.join('|')})$`), says: `must be a transport mode of JGS-20: ${TRANSPORT_MODES.join(', ')}` };

const AGENT_RULES: Record<keyof AgentProfile, FieldRule> = {
  copCode: { element: ['InventoryHead', 'agentCode'] },
  copName: { element: ['InventoryHead', 'agentName'] },
  dxpId: { element: ['BaseTransfer', 'dxpId'] },
};
const PLATFORM_RULES: Record<keyof PlatformProfile, FieldRule> = {
  ebpCode: { element: ['InventoryHead', 'ebpCode'] },
  ebpName: { element: ['InventoryHead', 'ebpName'] },
  ebcCode: { element: ['InventoryHead', 'ebcCode'] },
  ebcName: { element: ['InventoryHead', 'ebcName'] },
  assureCode: { element: ['InventoryHead', 'assureCode'] },
};
const CARRIER_RULES: Record<keyof CarrierProfile, FieldRule> = {
  logisticsCode: { element: ['InventoryHead', 'logisticsCode'] },
  logisticsName: { element: ['InventoryHead', 'logisticsName'] },
  trafMode: { element: ['InventoryHead', 'trafMode'], optional: true, format: TRANSPORT_MODE },
  trafNo: { element: ['InventoryHead', 'trafNo'], optional: true },
  voyageNo: { element: ['InventoryHead', 'voyageNo'], optional: true },
  billNo: { element: ['InventoryHead', 'billNo'], optional: true },
};
const ZONE_RULES: Record<keyof ZoneProfile, FieldRule> = {
  customsCode: { element: ['InventoryHead', 'customsCode'], format: CUSTOMS_AREA_CODE },
  portCode: { element: ['InventoryHead', 'portCode'], format: CUSTOMS_AREA_CODE },
  emsNo: { element: ['InventoryHead', 'emsNo'] },
  areaCode: { element: ['InventoryHead', 'areaCode'] },
  areaName: { element: ['InventoryHead', 'areaName'] },
  trafMode: { element: ['InventoryHead', 'trafMode'], optional: true, format: TRANSPORT_MODE },
};
const DIRECT_MAIL_RULES: Record<keyof DirectMailProfile, FieldRule> = {
  customsCode: { element: ['InventoryHead', 'customsCode'], format: CUSTOMS_AREA_CODE },
  portCode: { element: ['InventoryHead', 'portCode'], format: CUSTOMS_AREA_CODE },
};

/**
 * The profile in `file` (default the dev profile), checked whole: a file that cannot be read, or
 * any value missing, malformed or too long for its element, is a ConfigError naming every such
 * JSON path (`platforms.*.ebpCode is missing`).
 */
export function loadProfile(file: string = DEV_PROFILE_FILE): { profile: SingleWindowProfile; isDevProfile: boolean } {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`the Single Window profile ${file} cannot be read: ${(error as Error).message}`);
  }
  const problems = profileProblems(json);
  if (problems.length > 0) throw new ConfigError(`the Single Window profile ${file} is not usable: ${problems.join('; ')}`);
  return { profile: json as SingleWindowProfile, isDevProfile: path.resolve(file) === DEV_PROFILE_FILE };
}

/** Every problem of a profile, each naming its JSON path; none for a usable one. */
export function profileProblems(json: unknown): string[] {
  if (!isObject(json)) return ['the profile must be a JSON object'];
  return [
    ...entryProblems(json.agent, 'agent', AGENT_RULES),
    ...mapProblems(json.platforms, 'platforms', PLATFORM_RULES),
    ...mapProblems(json.carriers, 'carriers', CARRIER_RULES),
    ...mapProblems(json.bondedZones, 'bondedZones', ZONE_RULES),
    ...zonesCovered(json.bondedZones),
    ...entryProblems(json.directMail, 'directMail', DIRECT_MAIL_RULES),
  ];
}

function mapProblems(map: unknown, at: string, rules: Record<string, FieldRule>): string[] {
  if (!isObject(map)) return [`${at} ${map === undefined ? 'is missing' : 'must be an object of entries'}`];
  const keys = Object.keys(map);
  if (keys.length === 0) return [`${at} has no entry (a "${DEFAULT_ENTRY}" entry is the default)`];
  return keys.flatMap((key) => entryProblems(map[key], `${at}.${key}`, rules));
}

/** Every bonded zone orders may name must have its entry, or the default. */
function zonesCovered(zones: unknown): string[] {
  if (!isObject(zones) || DEFAULT_ENTRY in zones) return [];
  return BONDED_ZONES.filter((zone) => !(zone in zones)).map((zone) => `bondedZones.${zone} is missing (every configured zone needs an entry, or "${DEFAULT_ENTRY}")`);
}

function entryProblems(entry: unknown, at: string, rules: Record<string, FieldRule>): string[] {
  if (!isObject(entry)) return [`${at} ${entry === undefined ? 'is missing' : 'must be an object'}`];
  return Object.entries(rules).flatMap(([field, rule]) => {
    const problem = fieldProblem(entry[field], rule);
    return problem ? [`${at}.${field} ${problem}`] : [];
  });
}

function fieldProblem(value: unknown, rule: FieldRule): string | undefined {
  if (value === undefined) return rule.optional ? undefined : 'is missing';
  if (typeof value !== 'string') return 'must be a string';
  if (value.trim() !== value || value === '') return 'must be a non-empty string without leading or trailing spaces';
  if (rule.format && !rule.format.pattern.test(value)) return rule.format.says;
  const [group, element] = rule.element;
  const problem = valueProblem(elementSpec(group, element), value);
  return problem ? `${problem} (${group}.${element})` : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The entries of the profile one order's messages use, and the JSON path of each (for errors). */
export interface ResolvedProfile {
  agent: AgentProfile;
  platform: PlatformProfile;
  carrier: CarrierProfile;
  /** Model III: the order's zone. */
  bondedZone?: ZoneProfile;
  directMail: DirectMailProfile;
  paths: { platform: string; carrier: string; bondedZone?: string };
}

/**
 * The profile's entries for an order: its platform's, its carrier's and (model III) its zone's,
 * each its own entry or else the `"*"` one. A map with neither is a ConfigError naming it.
 */
export function profileFor(profile: SingleWindowProfile, lookup: { platformId: string; carrier: string; bondedZone?: string }): ResolvedProfile {
  const platform = entryFor(profile.platforms, 'platforms', lookup.platformId);
  const carrier = entryFor(profile.carriers, 'carriers', lookup.carrier);
  const bondedZone = lookup.bondedZone === undefined ? undefined : entryFor(profile.bondedZones, 'bondedZones', lookup.bondedZone);
  return {
    agent: profile.agent,
    platform: platform.entry,
    carrier: carrier.entry,
    ...(bondedZone ? { bondedZone: bondedZone.entry } : {}),
    directMail: profile.directMail,
    paths: { platform: platform.path, carrier: carrier.path, ...(bondedZone ? { bondedZone: bondedZone.path } : {}) },
  };
}

function entryFor<Entry>(map: Record<string, Entry>, name: string, key: string): { entry: Entry; path: string } {
  if (Object.prototype.hasOwnProperty.call(map, key)) return { entry: map[key], path: `${name}.${key}` };
  if (Object.prototype.hasOwnProperty.call(map, DEFAULT_ENTRY)) return { entry: map[DEFAULT_ENTRY], path: `${name}.${DEFAULT_ENTRY}` };
  throw new ConfigError(`the Single Window profile has no ${name}.${key} and no default ${name}.${DEFAULT_ENTRY}`);
}
