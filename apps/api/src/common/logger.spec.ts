import { RequestLogger } from './logger';
import { RequestContext } from './request-context';

describe(RequestLogger.name, () => {
  let written: string[];
  let write: jest.SpyInstance;
  beforeEach(() => {
    written = [];
    const capture = (chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    };
    write = jest.spyOn(process.stdout, 'write').mockImplementation(capture);
    jest.spyOn(process.stderr, 'write').mockImplementation(capture);
  });
  afterEach(() => jest.restoreAllMocks());

  it('adds the request id as a JSON field inside a request, and nothing outside one', () => {
    const logger = new RequestLogger({ json: true, prefix: 'rubricon' });
    RequestContext.run({ ip: null, actor: null, requestId: 'req-42' }, () => logger.log('saved', 'Attempts'));
    logger.warn('tick', 'Deadlines');
    const [inside, outside] = written.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(inside).toMatchObject({ level: 'log', message: 'saved', context: 'Attempts', requestId: 'req-42' });
    expect(outside).toMatchObject({ level: 'warn', message: 'tick' });
    expect(outside).not.toHaveProperty('requestId');
    expect(write).toHaveBeenCalled();
  });

  it('writes [req <id>] after the context in text', () => {
    const logger = new RequestLogger({ prefix: 'rubricon', colors: false });
    RequestContext.run({ ip: null, actor: null, requestId: 'abc.1' }, () => logger.error('boom', undefined, 'Errors'));
    expect(written.join('')).toMatch(/ERROR \[Errors\] \[req abc\.1\] boom/);
  });
});
