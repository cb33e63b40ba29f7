// The four messages the system sends (CONTRACT 8.2), unsigned: the order (CEB311), the inventory
// list (CEB621), its cancellation (CEB623) and a return (CEB625). Models I and III only: model II
// is declared outside the Single Window.
import type { ClearanceModel, Declaration, OrderPlacedData } from '@cbec/contracts';
import { chinaTime } from '../china-time';
import { ResolvedProfile, profileFor, SingleWindowProfile } from '../profile/profile';
import { ElementValues, fixed, fromOrder, fromProfile, fromSystem } from './element-values';
import { messageDocument } from './message-document';
import { declaredBuyerValues, inventoryHeadOrderValues, inventoryLineValues, itemUnit, orderHeadOrderValues, orderLineValues } from './order-values';

export interface MessageContext {
  profile: SingleWindowProfile;
  /** The message's guid: a fresh upper-case UUID (36 characters). */
  guid: string;
  /** When it is built: appTime and declTime, in China time. */
  at: Date;
  /** buyerRegNo when the order gives no consumer.accountId: a stable keyed hash, never the ID number (at most 60 characters). */
  buyerRegNoFor(idNumber: string): string;
}

export interface InventoryInput {
  declaration: Declaration;
  /** Per item, its tariff entry's legal unit (qty1/unit1). */
  legalUnits: string[];
  /** The system's declaration number, never changed. */
  copNo: string;
  /** 1, or 2 for a re-send after the exchange refused the list. */
  appType: '1' | '2';
  preNo?: string;
  invtNo?: string;
}

export interface CancellationInput {
  declaration: Declaration;
  /** The system's number of this cancellation. */
  copNo: string;
  invtNo: string;
  reason: string;
}

export interface ReturnInput {
  declaration: Declaration;
  /** The system's number of this return. */
  copNo: string;
  invtNo: string;
  reason: string;
  items: { sku: string; quantity: number }[];
}

/** CEB311: the order, when it is confirmed. */
export function buildOrderMessage(order: OrderPlacedData, ctx: MessageContext): string {
  declaredModel(order.clearanceModel);
  const profile = profileFor(ctx.profile, { platformId: order.platformId, carrier: order.logistics.carrier });
  const { platform } = profile;
  const at = profile.paths.platform;
  const head: ElementValues = {
    ...application(ctx, '1'),
    orderType: fixed('I'),
    ebpCode: fromProfile(`${at}.ebpCode`, platform.ebpCode),
    ebpName: fromProfile(`${at}.ebpName`, platform.ebpName),
    ebcCode: fromProfile(`${at}.ebcCode`, platform.ebcCode),
    ebcName: fromProfile(`${at}.ebcName`, platform.ebcName),
    buyerRegNo: fromSystem('buyerRegNoFor(consumer.idNumber)', ctx.buyerRegNoFor(order.consumer.idNumber)),
    ...orderHeadOrderValues(order),
  };
  const lines = order.items.map((line, index) => ({ element: 'OrderList' as const, values: orderLineValues(line, index) }));
  return messageDocument('CEB311', ctx.guid, { element: 'Order', parts: [{ element: 'OrderHead', values: head }, ...lines] }, profile.agent);
}

/** CEB621: the inventory list, once the review's first rules passed; appType 2 re-sends it. */
export function buildInventoryMessage(input: InventoryInput, ctx: MessageContext): string {
  const { declaration } = input;
  const model = declaredModel(declaration.clearanceModel);
  if (input.legalUnits.length !== declaration.items.length) throw new Error(`CEB621 needs one legal unit per item: ${input.legalUnits.length} for ${declaration.items.length} items`);
  const profile = profileOf(declaration, ctx);
  const head: ElementValues = {
    ...application(ctx, input.appType),
    ...partyValues(profile),
    copNo: fromSystem('copNo', input.copNo),
    ...(input.preNo !== undefined ? { preNo: fromSystem('preNo', input.preNo) } : {}),
    assureCode: fromProfile(`${profile.paths.platform}.assureCode`, profile.platform.assureCode),
    ...(input.invtNo !== undefined ? { invtNo: fromSystem('invtNo', input.invtNo) } : {}),
    ieFlag: fixed('I'),
    declTime: fromSystem('at', chinaTime(ctx.at, 'yyyyMMdd')),
    ...customsValues(profile, model),
    ...agentValues(profile),
    ...transportValues(profile, model),
    ...inventoryHeadOrderValues(declaration),
  };
  const lines = declaration.items.map((line, index) => ({ element: 'InventoryList' as const, values: inventoryLineValues(line, index, model, input.legalUnits[index]) }));
  return messageDocument('CEB621', ctx.guid, { element: 'Inventory', parts: [{ element: 'InventoryHead', values: head }, ...lines] }, profile.agent);
}

/** CEB623: the cancellation of a declared list, once customs gave its invtNo. */
export function buildCancellationMessage(input: CancellationInput, ctx: MessageContext): string {
  const { declaration } = input;
  const model = declaredModel(declaration.clearanceModel);
  const profile = profileOf(declaration, ctx);
  const values: ElementValues = {
    ...declaredHead(input, profile, model, ctx),
    reason: fromSystem('reason', input.reason),
  };
  return messageDocument('CEB623', ctx.guid, { element: 'InvtCancel', values }, profile.agent);
}

/** CEB625: a return of some units; each line keeps its gnum of the inventory list. */
export function buildReturnMessage(input: ReturnInput, ctx: MessageContext): string {
  const { declaration } = input;
  const model = declaredModel(declaration.clearanceModel);
  const profile = profileOf(declaration, ctx);
  const head: ElementValues = { ...declaredHead(input, profile, model, ctx), reason: fromSystem('reason', input.reason) };
  const lines = input.items.map((returned) => {
    const index = declaration.items.findIndex((line) => line.sku === returned.sku);
    if (index < 0) throw new Error(`CEB625 of ${declaration.platformId}/${declaration.orderId}: sku ${returned.sku} is not on the declaration`);
    const line = declaration.items[index];
    const values: ElementValues = {
      gnum: fixed(String(index + 1)),
      gcode: fromOrder(`items[${index}].hsCode`, line.hsCode),
      gname: fromOrder(`items[${index}].name`, line.name),
      qty: fromSystem('returned quantity', String(returned.quantity)),
      unit: itemUnit(line, index),
    };
    return { element: 'InvtRefundList' as const, values };
  });
  return messageDocument('CEB625', ctx.guid, { element: 'InvtRefund', parts: [{ element: 'InvtRefundHead', values: head }, ...lines] }, profile.agent);
}

/** Models I and III have messages; model II (general trade) is declared outside the Single Window. */
function declaredModel(model: ClearanceModel): 'DIRECT_MAIL' | 'BONDED_ZONE' {
  if (model === 'GENERAL_TRADE') throw new Error('GENERAL_TRADE orders are declared outside the Single Window: they have no CEB messages');
  return model;
}

function profileOf(declaration: Declaration, ctx: MessageContext): ResolvedProfile {
  return profileFor(ctx.profile, { platformId: declaration.platformId, carrier: declaration.logistics.carrier, bondedZone: declaration.clearanceModel === 'BONDED_ZONE' ? declaration.bondedZone : undefined });
}

function application(ctx: MessageContext, appType: '1' | '2'): ElementValues {
  return {
    guid: fromSystem('guid', ctx.guid),
    appType: fixed(appType),
    appTime: fromSystem('at', chinaTime(ctx.at, 'yyyyMMddHHmmss')),
    appStatus: fixed('2'),
  };
}

function partyValues({ platform, carrier, paths }: ResolvedProfile): ElementValues {
  return {
    ebpCode: fromProfile(`${paths.platform}.ebpCode`, platform.ebpCode),
    ebpName: fromProfile(`${paths.platform}.ebpName`, platform.ebpName),
    ebcCode: fromProfile(`${paths.platform}.ebcCode`, platform.ebcCode),
    ebcName: fromProfile(`${paths.platform}.ebcName`, platform.ebcName),
    logisticsCode: fromProfile(`${paths.carrier}.logisticsCode`, carrier.logisticsCode),
    logisticsName: fromProfile(`${paths.carrier}.logisticsName`, carrier.logisticsName),
  };
}

function agentValues({ agent }: ResolvedProfile): ElementValues {
  return { agentCode: fromProfile('agent.copCode', agent.copCode), agentName: fromProfile('agent.copName', agent.copName) };
}

/** Model III declares at its zone's customs, with the zone's account book and area; model I at direct mail's. */
function customsValues(profile: ResolvedProfile, model: 'DIRECT_MAIL' | 'BONDED_ZONE'): ElementValues {
  if (model === 'DIRECT_MAIL') {
    return { customsCode: fromProfile('directMail.customsCode', profile.directMail.customsCode), portCode: fromProfile('directMail.portCode', profile.directMail.portCode) };
  }
  const zone = profile.bondedZone;
  const at = profile.paths.bondedZone ?? 'bondedZones';
  return {
    customsCode: fromProfile(`${at}.customsCode`, zone?.customsCode),
    portCode: fromProfile(`${at}.portCode`, zone?.portCode),
    emsNo: fromProfile(`${at}.emsNo`, zone?.emsNo),
    areaCode: fromProfile(`${at}.areaCode`, zone?.areaCode),
    areaName: fromProfile(`${at}.areaName`, zone?.areaName),
  };
}

/** Model I: the carrier's transport (the order's own overrides it, in inventoryHeadOrderValues); model III: the zone's mode, by road unless it says. */
function transportValues(profile: ResolvedProfile, model: 'DIRECT_MAIL' | 'BONDED_ZONE'): ElementValues {
  if (model === 'BONDED_ZONE') return { trafMode: fromProfile(`${profile.paths.bondedZone ?? 'bondedZones'}.trafMode`, profile.bondedZone?.trafMode ?? '4') };
  const { carrier, paths } = profile;
  return {
    trafMode: fromProfile(`${paths.carrier}.trafMode`, carrier.trafMode),
    trafNo: fromProfile(`${paths.carrier}.trafNo`, carrier.trafNo),
    voyageNo: fromProfile(`${paths.carrier}.voyageNo`, carrier.voyageNo),
    billNo: fromProfile(`${paths.carrier}.billNo`, carrier.billNo),
  };
}

/** The head shared by CEB623 and CEB625: the list's parties and buyer, this document's copNo, customs' invtNo. */
function declaredHead(input: { declaration: Declaration; copNo: string; invtNo: string }, profile: ResolvedProfile, model: 'DIRECT_MAIL' | 'BONDED_ZONE', ctx: MessageContext): ElementValues {
  const { customsCode } = customsValues(profile, model);
  return {
    ...application(ctx, '1'),
    customsCode,
    ...partyValues(profile),
    ...declaredBuyerValues(input.declaration),
    copNo: fromSystem('copNo', input.copNo),
    invtNo: fromSystem('invtNo', input.invtNo),
    ...agentValues(profile),
  };
}
