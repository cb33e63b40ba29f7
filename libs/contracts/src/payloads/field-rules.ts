// Reusable field rules for payload classes: money and rate strings, identifiers, timestamps,
// nested objects.
import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsString, Matches, ValidateNested, ValidationOptions, registerDecorator } from 'class-validator';

/** Decimal string, non-negative, at most 2 decimals: "199.00", "0", "20.5". */
export const MONEY_PATTERN = /^(0|[1-9]\d{0,11})(\.\d{1,2})?$/;
export const RATE_PATTERN = /^(0|[1-9]\d*)(\.\d{1,6})?$/;
/** Safe inside a Kafka key `<platformId>/<orderId>` and a URL path segment. */
export const IDENTIFIER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
/** RFC 3339 date-time with an explicit offset. */
export const RFC3339_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

export function IsMoney(options?: ValidationOptions): PropertyDecorator {
  return Matches(MONEY_PATTERN, { message: '$property must be a decimal string with at most 2 decimals, e.g. "199.00"', ...options });
}

export function IsPositiveMoney(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) => {
    IsMoney(options)(target, propertyName);
    registerDecorator({
      name: 'isPositiveMoney',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be above zero', ...options },
      validator: { validate: (value: unknown) => typeof value !== 'string' || !MONEY_PATTERN.test(value) || Number(value) > 0 },
    });
  };
}

export function IsRate(options?: ValidationOptions): PropertyDecorator {
  return Matches(RATE_PATTERN, { message: '$property must be a decimal string rate, e.g. "0.13"', ...options });
}

export function IsIdentifier(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) => {
    IsString(options)(target, propertyName);
    Matches(IDENTIFIER_PATTERN, { message: '$property must be 1-64 letters, digits or ._:- (no slash)', ...options })(target, propertyName);
  };
}

export function IsTimestamp(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) => {
    Matches(RFC3339_PATTERN, { message: '$property must be an RFC 3339 date-time with offset, e.g. "2026-11-11T00:00:01+08:00"', ...options })(target, propertyName);
    registerDecorator({
      name: 'isRealTimestamp',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property is not a real date-time', ...options },
      validator: { validate: (value: unknown) => typeof value !== 'string' || !RFC3339_PATTERN.test(value) || !Number.isNaN(Date.parse(value)) },
    });
  };
}

const ISO_4217 = new Set<string>(Intl.supportedValuesOf('currency'));

export function IsIso4217(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIso4217',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a three-letter ISO 4217 currency code', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && ISO_4217.has(value) },
    });
}

/** The context of IsNestedObject's `each` check: validatePayload names the elements that break it. */
export const OBJECT_ELEMENTS_CONTEXT = { elements: true } as const;

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A nested object of the payload (or, with `each`, an array's elements): present, a JSON object
 * (not null, not an array), and its own fields validated. ValidateNested alone lets a missing
 * value or an array pass, and the later steps would then read fields of nothing.
 */
export function IsNestedObject(type: () => new () => object, options: { each?: boolean } = {}): PropertyDecorator {
  return (target, propertyName) => {
    IsDefined()(target, propertyName);
    // For `each`, the context tells validatePayload to name the elements that are not objects.
    IsObject(options.each ? { each: true, message: 'every element of $property must be an object', context: OBJECT_ELEMENTS_CONTEXT } : { message: '$property must be an object' })(target, propertyName);
    ValidateNested({ each: options.each })(target, propertyName);
    Type(type)(target, propertyName);
  };
}
