import { applyDecorators, type Type } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import {
  ApiBody,
  ApiConsumes,
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  type ApiPropertyOptions,
  DECORATORS,
  getSchemaPath,
} from '@nestjs/swagger';
import { ERROR_CODES, ERRORS, type ErrorCode, type ErrorParams, type ErrorResponse } from '@rubricon/contracts';

/** The body of every refusal, as the OpenAPI document shows it. */
export class ErrorResponseDto implements ErrorResponse {
  @ApiProperty({ description: 'English wording, for people; clients word the code themselves.' })
  message: string;

  @ApiProperty({ enum: ERROR_CODES, enumName: 'ErrorCode', description: 'Stable: what clients match on.' })
  code: ErrorCode;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
    description:
      'The values in the English message (e.g. { email } for email-taken), for clients to word the code with.',
  })
  params?: ErrorParams;
}

// Refusals shared by many routes, to spread into ApiErrors(...).
/** The global auth guard, on every route not marked @Public(). */
export const SIGNED_IN: ErrorCode[] = ['sign-in-required', 'sign-in-expired', 'account-inactive', 'password-changed'];
/** A route with a JSON body: body-parser, the depth check, then the validation pipe. */
export const JSON_BODY: ErrorCode[] = [
  'invalid-json',
  'too-deeply-nested',
  'body-too-large',
  'unsupported-encoding',
  'invalid-request',
];
/** A route whose path or query is validated (ParseUUIDPipe, a query DTO). */
export const VALIDATED: ErrorCode[] = ['invalid-request'];

const ERROR_CODES_KEY = 'rubricon:apiErrorCodes';

/**
 * Documents the refusals of a route (on a method) or of every route of a controller (on the class):
 * one response per status, typed ErrorResponseDto and listing its codes with their English wording.
 * Codes from the class and from the method add up, whichever order the decorators run in.
 */
export function ApiErrors(...codes: ErrorCode[]): ClassDecorator & MethodDecorator {
  return (target: object, _key?: string | symbol, descriptor?: PropertyDescriptor) => {
    if (descriptor) {
      document(descriptor.value, codes);
      return;
    }
    // A class decorator runs after its methods' decorators: add the codes to every route handler.
    const prototype = (target as { prototype: object }).prototype;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const handler = Object.getOwnPropertyDescriptor(prototype, name)?.value;
      if (typeof handler === 'function' && Reflect.hasMetadata(PATH_METADATA, handler)) document(handler, codes);
    }
  };
}

function document(handler: object, codes: ErrorCode[]): void {
  const all = [...new Set<ErrorCode>([...(Reflect.getMetadata(ERROR_CODES_KEY, handler) ?? []), ...codes])];
  Reflect.defineMetadata(ERROR_CODES_KEY, all, handler);
  const responses = { ...Reflect.getMetadata(DECORATORS.API_RESPONSE, handler) };
  for (const [status, group] of byStatus(all))
    responses[status] = { description: describe(group), type: ErrorResponseDto, isArray: false };
  Reflect.defineMetadata(DECORATORS.API_RESPONSE, responses, handler);
}

function byStatus(codes: ErrorCode[]): Map<number, ErrorCode[]> {
  const groups = new Map<number, ErrorCode[]>();
  for (const code of codes) groups.set(ERRORS[code].status, [...(groups.get(ERRORS[code].status) ?? []), code]);
  return groups;
}

/** `code`: wording, one a line; a wording that is all `{detail}` says so. */
function describe(codes: ErrorCode[]): string {
  return codes
    .map((code) => {
      const message = ERRORS[code].message;
      return `\`${code}\`: ${message === '{detail}' ? '(the message says what is wrong)' : message}`;
    })
    .join('\n\n');
}

/** The schema of 500 every route may answer, for DocumentBuilder.addGlobalResponse. */
export const INTERNAL_ERROR_RESPONSE = {
  status: 500,
  description: describe(['internal-error']),
  type: ErrorResponseDto,
};

/**
 * A body that is either a multipart upload in the field `file` or JSON `{ text, ... }` (the DTO).
 * One schema serves both media types (the generator cannot tell them apart): the DTO's fields
 * with a required `file` or a required `text`.
 */
export function ApiUploadOrText(dto: Type, description: string): MethodDecorator {
  const fields = { $ref: getSchemaPath(dto) };
  return applyDecorators(
    ApiExtraModels(dto),
    ApiConsumes('multipart/form-data', 'application/json'),
    ApiBody({
      description,
      schema: {
        oneOf: [
          {
            allOf: [
              fields,
              { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
            ],
          },
          { allOf: [fields, { type: 'object', required: ['text'] }] },
        ],
      },
    }),
  );
}

/** `@ApiProperty(ANY_JSON)` for a field typed `unknown`: whatever JSON value the question bank holds. */
export const ANY_JSON: ApiPropertyOptions = {
  description: 'Any JSON value.',
  // OpenAPI 3.0 has no null type: null is the nullable object.
  oneOf: [
    { type: 'string' },
    { type: 'number' },
    { type: 'boolean' },
    { type: 'object', nullable: true },
    { type: 'array', items: {} },
  ],
};
