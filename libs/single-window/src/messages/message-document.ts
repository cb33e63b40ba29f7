// One message as an XML document (xmlbuilder2 writes and escapes it): the root with its guid and
// version, the business element, then BaseTransfer. Every element is written in the table's
// order, and only after every value has passed the table's checks: a message is whole or not built.
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { ConfigError } from '../config-error';
import { BusinessElement, ELEMENTS } from '../elements';
import { CEB_NAMESPACE, CEB_PREFIX, OutMessageType, rootElementOf } from '../message-types';
import { AgentProfile } from '../profile/profile';
import { describeProblem, ElementValues, elementProblems, fixed, fromProfile, ValueProblem, writtenValue } from './element-values';

/** A message whose values break the element table (an order from before intake checked them, or a bug). */
export class UnbuildableMessage extends Error {
  constructor(readonly problems: ValueProblem[]) {
    super(`the message cannot be built: ${problems.map(describeProblem).join('; ')}`);
    this.name = 'UnbuildableMessage';
  }
}

/** A business element and its values, or one with parts (`Order` = `OrderHead` + `OrderList`s). */
export type BusinessPart = { element: BusinessElement; values: ElementValues } | { element: string; parts: BusinessPart[] };

/** The whole message document, unsigned. Throws ConfigError when the profile lacks a value, UnbuildableMessage for any other problem. */
export function messageDocument(type: OutMessageType, guid: string, business: BusinessPart, agent: AgentProfile): string {
  const baseTransfer: BusinessPart = { element: 'BaseTransfer', values: baseTransferValues(agent) };
  const problems = [business, baseTransfer].flatMap(problemsOf);
  const fromProfile = problems.filter((problem) => 'profile' in problem.from);
  if (fromProfile.length > 0) throw new ConfigError(`the Single Window profile lacks what ${type} needs: ${fromProfile.map(describeProblem).join('; ')}`);
  if (problems.length > 0) throw new UnbuildableMessage(problems);
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(CEB_NAMESPACE, `${CEB_PREFIX}:${rootElementOf(type)}`, { guid, version: '1.0' });
  write(root, business);
  write(root, baseTransfer);
  return root.end({ prettyPrint: true });
}

function baseTransferValues(agent: AgentProfile): ElementValues {
  return {
    copCode: fromProfile('agent.copCode', agent.copCode),
    copName: fromProfile('agent.copName', agent.copName),
    dxpMode: fixed('DXP'),
    dxpId: fromProfile('agent.dxpId', agent.dxpId),
  };
}

function problemsOf(part: BusinessPart): ValueProblem[] {
  return 'values' in part ? elementProblems(part.element, part.values) : part.parts.flatMap(problemsOf);
}

function write(parent: XMLBuilder, part: BusinessPart): void {
  const element = parent.ele(CEB_NAMESPACE, `${CEB_PREFIX}:${part.element}`);
  if (!('values' in part)) {
    for (const child of part.parts) write(element, child);
    return;
  }
  for (const spec of ELEMENTS[part.element]) {
    const text = writtenValue(part.values[spec.name]);
    if (text !== undefined) element.ele(CEB_NAMESPACE, `${CEB_PREFIX}:${spec.name}`).txt(text);
  }
}
