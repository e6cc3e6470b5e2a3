import { ValidationPipe, type ValidationError, type ValidationPipeOptions } from '@nestjs/common';
import { Transform } from 'class-transformer';
import type { ErrorCode, ErrorParams } from '@rubricon/contracts';
import { ApiException } from './api-exception';
import { ValidateBy, ValidateIf, buildMessage, type ValidationOptions } from 'class-validator';

/** class-validator errors as one sentence a person can act on ("unknown field \"x\"; email must be …"). */
export function validationMessage(errors: ValidationError[], parent = ''): string {
  return flatten(errors, parent).join('; ');
}

// When the value has the wrong type, that is the one thing to say about it.
const TYPE_RULES = [
  'whitelistValidation',
  'isDefined',
  'isString',
  'isInt',
  'isNumber',
  'isBoolean',
  'isArray',
  'isObject',
  'isUuid',
  'isEmail',
  'isIn',
];

function flatten(errors: ValidationError[], parent: string): string[] {
  return errors.flatMap((e) => {
    const path = parent ? `${parent}.${e.property}` : e.property;
    const constraints = e.constraints ?? {};
    const typeRule = TYPE_RULES.find((rule) => rule in constraints);
    const messages = typeRule ? [constraints[typeRule]] : Object.values(constraints);
    const own = messages.map((m) =>
      m.includes('should not exist')
        ? `unknown field "${path}"`
        : m.startsWith(e.property)
          ? path + m.slice(e.property.length)
          : `${path}: ${m}`,
    );
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

/** The one validation policy: unknown fields refused, types transformed; the caller picks the error type. */
export function strictValidationPipe(toError: (message: string) => Error): ValidationPipe {
  return new ValidationPipe(strictValidationOptions(toError));
}

export function strictValidationOptions(toError: (message: string) => Error): ValidationPipeOptions {
  return {
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => codedRefusal(errors) ?? toError(validationMessage(errors)),
  };
}

/** What a rule's `context` holds when a person (not a program) meets its failure: see `coded`. */
interface CodedContext {
  code: ErrorCode;
  params?: (value: unknown) => ErrorParams;
}

/**
 * A validation rule whose failure a person meets in a form (a role, a duration), refused with its own
 * code and params instead of `invalid-request` and English detail: `@Min(5, { context: coded(…) })`.
 * `params` sees the refused value; never return a secret or a token from it.
 */
export const coded = (code: ErrorCode, params?: (value: unknown) => ErrorParams): CodedContext => ({ code, params });

/**
 * The coded refusal when every reported failure has a code (the first one's is answered); otherwise
 * undefined, and the request was malformed in a way only a program makes: `invalid-request`.
 */
function codedRefusal(errors: ValidationError[]): ApiException | undefined {
  const reported = reportedFailures(errors);
  if (reported.length === 0 || !reported.every((r) => r.context)) return undefined;
  const { context, value } = reported[0];
  return new ApiException(context!.code, context!.params?.(value) ?? {});
}

function reportedFailures(errors: ValidationError[]): { context?: CodedContext; value: unknown }[] {
  return errors.flatMap((e) => {
    const constraints = Object.keys(e.constraints ?? {});
    const typeRule = TYPE_RULES.find((rule) => constraints.includes(rule));
    const names = typeRule ? [typeRule] : constraints;
    const own = names.map((name) => ({ context: e.contexts?.[name] as CodedContext | undefined, value: e.value }));
    return [...own, ...reportedFailures(e.children ?? [])];
  });
}

/**
 * How many levels of objects and arrays a request body or socket payload may nest. Validation and
 * class-transformer recurse through every level, so a few KB of `[[[[…` would overflow the stack.
 * Nothing real comes close: a run's test input starts 3 levels down, the question bank's deepest
 * document is 10 levels, and the HTML posting reader stops at the same 64.
 */
export const MAX_NESTING_DEPTH = 64;

export const tooDeeplyNested = (what: string) =>
  new ApiException('too-deeply-nested', { what, depth: MAX_NESTING_DEPTH });

/** True when `value` nests objects or arrays more than `limit` levels; measured without recursion, so any depth is safe. */
export function nestsDeeperThan(value: unknown, limit = MAX_NESTING_DEPTH): boolean {
  const pending: Array<{ value: object; depth: number }> = isContainer(value) ? [{ value, depth: 1 }] : [];
  while (pending.length) {
    const { value: container, depth } = pending.pop()!;
    if (depth > limit) return true;
    for (const child of Object.values(container))
      if (isContainer(child)) pending.push({ value: child, depth: depth + 1 });
  }
  return false;
}

// Bytes (a socket.io binary attachment) are one value, not a list to walk.
const isContainer = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && !ArrayBuffer.isView(value) && !(value instanceof ArrayBuffer);

/** "May be left out", not "may be null": a null gets the field's own validation message. */
export const Optional = () => ValidateIf((_object, value) => value !== undefined);

/** Trims text (or each text of a list) before it is validated, so "   " is as empty as "". */
export const Trim = () => Transform(({ value }) => (Array.isArray(value) ? value.map(trim) : trim(value)));

const trim = (value: unknown) => (typeof value === 'string' ? value.trim() : value);

/**
 * At most `max` characters as MariaDB and MySQL count them in a varchar(max): Unicode code points.
 * class-validator's MaxLength counts otherwise (the variation selector in "❤️" not at all), so text
 * it lets through could fail with "Data too long for column". Use it for every text stored in a varchar.
 */
export function MaxCodePoints(max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'maxCodePoints',
      constraints: [max],
      validator: {
        validate: (value) => typeof value === 'string' && codePointsAtMost(value, max),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be shorter than or equal to $constraint1 characters`,
          options,
        ),
      },
    },
    options,
  );
}

/**
 * The first `max` code points of `text`: what fits a varchar(max) on MySQL, without cutting an emoji
 * in half as `slice` on UTF-16 code units could.
 */
export function clipCodePoints(text: string, max: number): string {
  return codePointsAtMost(text, max) ? text : Array.from(text).slice(0, max).join('');
}

/** Counts without building an array of the whole text, and stops as soon as it is over. */
function codePointsAtMost(text: string, max: number): boolean {
  if (text.length <= max) return true; // never fewer code units than code points
  let count = 0;
  for (const _ of text) if (++count > max) return false;
  return true;
}
