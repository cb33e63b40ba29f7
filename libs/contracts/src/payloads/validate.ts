// Turns class-validator's error tree into the contract's flat field errors
// (`items[0].hsCode: hsCode must be 10 digits`), every error at once, after the limits every
// payload must keep (input-limits.ts); the field rules read the payload without prototype keys.
import { plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';
import { FieldError } from '../vocabulary';
import { checkInputLimits } from './input-limits';

type PayloadClass<T> = new () => T;

export function validatePayload<T extends object>(cls: PayloadClass<T>, data: unknown): { value?: T; errors: FieldError[] } {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { errors: [{ message: 'data must be a JSON object' }] };
  }
  const limits = checkInputLimits(data);
  const value = plainToInstance(cls, limits.clean);
  const errors = [...limits.errors, ...flatten(validateSync(value, { forbidUnknownValues: false }))];
  return errors.length ? { errors } : { value, errors };
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = pathOf(parent, error.property);
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message: message.replace(error.property, field) }));
    const nestedMissing = own.length === 0 && error.children?.length === 0 ? [{ field, message: `${field} is invalid` }] : [];
    return [...own, ...nestedMissing, ...flatten(error.children ?? [], field)];
  });
}

function pathOf(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}
