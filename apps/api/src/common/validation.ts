import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateIf } from 'class-validator';

/** class-validator errors as one sentence a person can act on ("unknown field \"x\"; email must be …"). */
export function validationMessage(errors: ValidationError[], parent = ''): string {
  return flatten(errors, parent).join('; ');
}

// When the value has the wrong type, that is the one thing to say about it.
const TYPE_RULES = ['whitelistValidation', 'isDefined', 'isString', 'isInt', 'isNumber', 'isBoolean', 'isArray', 'isObject', 'isUuid', 'isEmail', 'isIn'];

function flatten(errors: ValidationError[], parent: string): string[] {
  return errors.flatMap((e) => {
    const path = parent ? `${parent}.${e.property}` : e.property;
    const constraints = e.constraints ?? {};
    const typeRule = TYPE_RULES.find((rule) => rule in constraints);
    const messages = typeRule ? [constraints[typeRule]] : Object.values(constraints);
    const own = messages.map((m) =>
      m.includes('should not exist') ? `unknown field "${path}"` : m.startsWith(e.property) ? path + m.slice(e.property.length) : `${path}: ${m}`,
    );
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

/** The one validation policy: unknown fields refused, types transformed; the caller picks the error type. */
export function strictValidationPipe(toError: (message: string) => Error): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => toError(validationMessage(errors)),
  });
}

/** "May be left out", not "may be null": a null gets the field's own validation message. */
export const Optional = () => ValidateIf((_object, value) => value !== undefined);

/** Trims text (or each text of a list) before it is validated, so "   " is as empty as "". */
export const Trim = () => Transform(({ value }) => (Array.isArray(value) ? value.map(trim) : trim(value)));

const trim = (value: unknown) => (typeof value === 'string' ? value.trim() : value);
