import { ERROR_CODES, ERRORS, isErrorCode } from '@rubricon/contracts';
import request from 'supertest';
import { databaseKinds, type TestDatabase } from '../support/databases';
import { startTestApp, type TestApp } from '../support/test-app';

interface Schema {
  $ref?: string;
  [key: string]: unknown;
}
interface Response {
  description?: string;
  content?: Record<string, { schema?: Schema }>;
}
interface Operation {
  responses?: Record<string, Response>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema & { properties?: Record<string, Schema> }> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const ERROR_SCHEMA = '#/components/schemas/ErrorResponseDto';

/** The document describes what the API answers; a route without its answers or its refusals fails here. */
describe('OpenAPI document', () => {
  let db: TestDatabase;
  let server: TestApp;
  let doc: Document;
  let operations: { name: string; op: Operation }[];

  beforeAll(async () => {
    // The document does not depend on the dialect: SQLite is enough.
    db = await databaseKinds()
      .find((kind) => kind.name === 'sqlite')!
      .create();
    server = await startTestApp(db);
    doc = (await request(server.url).get('/api/docs-json').expect(200)).body;
    operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      METHODS.filter((method) => item[method]).map((method) => ({
        name: `${method.toUpperCase()} ${path}`,
        op: item[method],
      })),
    );
  });

  afterAll(async () => {
    await server?.close();
    await db?.dispose();
  });

  it('lists the API routes', () => {
    expect(operations.length).toBeGreaterThan(30);
  });

  it('gives every route a success response with a JSON schema (CSV exports: a text/csv one), or says it has no content', () => {
    const missing = operations.flatMap(({ name, op }) => {
      const successes = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
      if (successes.length === 0) return [`${name}: no 2xx response`];
      return successes
        .filter(
          ([status, res]) =>
            status !== '204' &&
            !isSchema(res.content?.['application/json']?.schema) &&
            !(name.endsWith('csv') && isSchema(res.content?.['text/csv']?.schema)),
        )
        .map(([status]) => `${name}: ${status} has no JSON schema`);
    });
    expect(missing).toEqual([]);
  });

  it('gives every route its refusals: the error schema and the codes of each status', () => {
    const wrong = operations.flatMap(({ name, op }) => {
      const errors = Object.entries(op.responses ?? {}).filter(([status]) => /^[45]\d\d$/.test(status));
      // Every route may answer 500 (a global response); each also has refusals of its own (health: only a 503).
      const problems = errors.some(([status]) => status !== '500') ? [] : [`${name}: no refusal of its own`];
      for (const [status, res] of errors) {
        if (res.content?.['application/json']?.schema?.$ref !== ERROR_SCHEMA)
          problems.push(`${name}: ${status} is not an ErrorResponseDto`);
        const codes = codesIn(res.description);
        if (codes.length === 0) problems.push(`${name}: ${status} names no code`);
        for (const code of codes) {
          if (!isErrorCode(code)) problems.push(`${name}: ${status} names unknown code ${code}`);
          else if (ERRORS[code].status !== Number(status))
            problems.push(`${name}: ${code} is a ${ERRORS[code].status}, listed under ${status}`);
        }
      }
      return problems;
    });
    expect(wrong).toEqual([]);
  });

  it('lets staff routes refuse a missing sign-in and candidate routes an ended session', () => {
    const unauthorized = operations.filter(
      ({ name }) =>
        !/^(GET \/api\/health(\/ready)?|POST \/api\/auth\/login|POST \/api\/candidate\/sessions)$/.test(name),
    );
    const without = unauthorized
      .filter(({ name, op }) => {
        const codes = codesIn(op.responses?.['401']?.description);
        return !codes.includes(name.includes('/api/candidate/') ? 'session-ended' : 'sign-in-required');
      })
      .map(({ name }) => name);
    expect(without).toEqual([]);
  });

  it('describes the error body with every code of the ERRORS table', () => {
    const schema = doc.components.schemas.ErrorResponseDto;
    expect(schema.required).toEqual(expect.arrayContaining(['message', 'code']));
    const code = schema.properties!.code;
    const ref = code.$ref ?? (code.allOf as Schema[] | undefined)?.[0].$ref;
    const values = ref ? resolve({ $ref: ref }).enum : code.enum;
    expect(values).toEqual(ERROR_CODES);
  });

  it('refers only to schemas it defines', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.filter((name) => !doc.components.schemas[name])).toEqual([]);
  });

  it('describes the uploads as a multipart file or JSON text, not as a string', () => {
    for (const path of ['/api/postings/import', '/api/assessments/{id}/invitations/csv']) {
      const content = doc.paths[path].post.requestBody!.content!;
      expect(Object.keys(content).sort()).toEqual(['application/json', 'multipart/form-data']);
      for (const { schema } of Object.values(content)) {
        const [upload, text] = (schema!.oneOf as Schema[]).map((variant) =>
          (variant.allOf as Schema[]).map(resolve).reduce((all, part) => ({ ...all, ...part })),
        );
        expect(upload).toMatchObject({
          required: ['file'],
          properties: { file: { type: 'string', format: 'binary' } },
        });
        expect(text).toMatchObject({ required: ['text'], properties: { text: { type: 'string' } } });
      }
    }
  });

  function resolve(schema: Schema): Schema {
    return schema.$ref ? doc.components.schemas[schema.$ref.split('/').pop()!] : schema;
  }
});

function isSchema(schema: Schema | undefined): boolean {
  return !!schema && ['$ref', 'type', 'oneOf', 'anyOf', 'allOf'].some((key) => key in schema);
}

/** The codes a response description names: each is written `code` (in backticks). */
function codesIn(description: string | undefined): string[] {
  return [...(description ?? '').matchAll(/`([a-z-]+)`/g)].map((m) => m[1]);
}
