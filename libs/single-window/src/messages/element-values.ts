// The values of one business element, each with where it comes from, checked against the element
// table. Builders write what passes; intake reads the problems of the values that come from the
// order, named by the order field.
import { BusinessElement, ELEMENTS, MAX_LINES, valueProblem } from '../elements';

/** Where a value comes from: an order-placed field (as intake names it), the profile (a JSON path), or the system. */
export type ValueSource = { order: string } | { profile: string } | { system: string };

export interface ElementValue {
  /** Undefined: no value (an optional element is left out). */
  value: string | undefined;
  from: ValueSource;
  /** Why the source has no usable value (e.g. a country without a customs code). */
  problem?: string;
}

export type ElementValues = Record<string, ElementValue>;

export interface ValueProblem {
  group: BusinessElement;
  element: string;
  from: ValueSource;
  message: string;
}

export const fromOrder = (field: string, value: string | undefined, problem?: string): ElementValue => ({ value, from: { order: field }, ...(problem ? { problem } : {}) });
export const fromProfile = (jsonPath: string, value: string | undefined): ElementValue => ({ value, from: { profile: jsonPath } });
export const fromSystem = (what: string, value: string | undefined): ElementValue => ({ value, from: { system: what } });
/** A value the message standard fixes (`appStatus` 2, `currency` 142). */
export const fixed = (value: string): ElementValue => ({ value, from: { system: 'fixed' } });

/** The text an element carries: no leading or trailing spaces; nothing left is no value. */
export function writtenValue(value: ElementValue | undefined): string | undefined {
  const text = value?.value?.trim();
  return text === undefined || text === '' ? undefined : text;
}

/**
 * Every problem of `values` against `group`'s elements. With `partial`, elements without a value
 * are not asked for (intake checks what the order gives, the rest comes later).
 */
export function elementProblems(group: BusinessElement, values: ElementValues, partial = false): ValueProblem[] {
  const specs = ELEMENTS[group];
  const unknown = Object.keys(values).filter((name) => !specs.some((spec) => spec.name === name));
  if (unknown.length > 0) throw new Error(`${group} has no element ${unknown.join(', ')}`);
  return specs.flatMap((spec) => {
    const value = values[spec.name];
    const problem = (message: string): ValueProblem[] => [{ group, element: spec.name, from: value?.from ?? { system: 'builder' }, message }];
    if (value?.problem) return problem(value.problem);
    const text = writtenValue(value);
    if (text === undefined) {
      const mustHave = spec.required && !(spec.type.kind === 'text' && spec.type.min === 0);
      if (!mustHave || (partial && value === undefined)) return [];
      return problem('has no value');
    }
    const broken = valueProblem(spec, text);
    return broken ? problem(broken) : [];
  });
}

export function linesProblem(group: BusinessElement, count: number, field: string): ValueProblem[] {
  return count > MAX_LINES ? [{ group, element: '(lines)', from: { order: field }, message: `has ${count} lines, at most ${MAX_LINES} allowed in one message` }] : [];
}

/** A problem as one line: `items[0].name is 251 characters, at most 250 allowed (OrderList.itemName)`. */
export function describeProblem(problem: ValueProblem): string {
  const where = 'order' in problem.from ? problem.from.order : 'profile' in problem.from ? problem.from.profile : problem.from.system;
  const element = problem.element === '(lines)' ? problem.group : `${problem.group}.${problem.element}`;
  return `${where} ${problem.message} (${element})`;
}
