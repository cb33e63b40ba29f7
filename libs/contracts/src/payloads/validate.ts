// Turns class-validator's error tree into the contract's flat field errors
// (`items[0].hsCode: hsCode must be 10 digits`), every error at once, after the limits every
// payload must keep (input-limits.ts); the field rules read the payload without prototype keys.
import { plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';
import { FieldError } from '../vocabulary';
import { isJsonObject, OBJECT_ELEMENTS_CONTEXT } from './field-rules';
import { checkInputLimits, listedFieldErrors } from './input-limits';

type PayloadClass<T> = new () => T;

export function validatePayload<T extends object>(cls: PayloadClass<T>, data: unknown): { value?: T; errors: FieldError[] } {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { errors: [{ message: 'data must be a JSON object' }] };
  }
  const limits = checkInputLimits(data);
  const value = plainToInstance(cls, limits.clean);
  const errors = [...limits.errors, ...flatten(validateSync(value, { forbidUnknownValues: false }))];
  return errors.length ? { errors: listedFieldErrors(errors) } : { value, errors };
}

/**
 * ValidateNested's own complaint ("nested property must be either object or array") is left out
 * where IsNestedObject says it better; an array's elements that are not objects are named one by
 * one, and what ValidateNested found inside them is left out.
 */
function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = pathOf(parent, error.property);
    const constraints = Object.entries(error.constraints ?? {});
    const saidBetter = constraints.some(([name]) => name === 'isObject');
    const ofElements = error.contexts?.isObject?.elements === OBJECT_ELEMENTS_CONTEXT.elements;
    const own = constraints
      .filter(([name]) => !(saidBetter && name === 'nestedValidation'))
      .flatMap(([name, message]) => (name === 'isObject' && ofElements && Array.isArray(error.value) ? elementsNotObjects(field, error.value) : [{ field, message: message.replace(error.property, field) }]));
    const nestedMissing = own.length === 0 && error.children?.length === 0 ? [{ field, message: `${field} is invalid` }] : [];
    const children = (error.children ?? []).filter((child) => !(Array.isArray(error.value) && /^\d+$/.test(child.property) && !isJsonObject(error.value[Number(child.property)])));
    return [...own, ...nestedMissing, ...flatten(children, field)];
  });
}

function elementsNotObjects(field: string, elements: unknown[]): FieldError[] {
  return elements.flatMap((element, index) => (isJsonObject(element) ? [] : [{ field: `${field}[${index}]`, message: `${field}[${index}] must be an object` }]));
}

function pathOf(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}
