import { ROLE_FAMILIES } from '../bank';
import { blueprintFor } from './blueprints';

const kinds = (f: Parameters<typeof blueprintFor>[0]) => blueprintFor(f).sections.map((s) => s.kind);

describe(blueprintFor.name, () => {
  it('gives every role family behavioural questions', () => {
    for (const f of ROLE_FAMILIES) expect(kinds(f)).toContain('behavioral');
  });

  it('gives developer, data and ai roles coding, scenario and behavioural sections', () => {
    for (const f of ['developer', 'data', 'ai'] as const)
      expect(kinds(f)).toEqual(['coding', 'scenario', 'behavioral']);
  });

  it('gives product, risk and business roles case prompts and no coding', () => {
    for (const f of ['product', 'risk', 'business'] as const) expect(kinds(f)).toEqual(['case', 'behavioral']);
  });

  it('gives architecture scenarios, operations scenarios plus an optional coding task', () => {
    expect(kinds('architecture')).toEqual(['scenario', 'behavioral']);
    expect(blueprintFor('operations').sections).toContainEqual({
      kind: 'coding',
      count: 1,
      optional: true,
      minutes: 25,
    });
  });

  it('gives management case, scenario and behavioural; solutions case, one coding task and behavioural', () => {
    expect(kinds('management')).toEqual(['case', 'scenario', 'behavioral']);
    expect(blueprintFor('solutions').sections).toEqual([
      { kind: 'case', count: 1 },
      { kind: 'coding', count: 1 },
      { kind: 'behavioral', count: 2 },
    ]);
  });

  it('returns a copy that callers cannot use to change the blueprint', () => {
    blueprintFor('risk').sections[0].count = 99;
    expect(blueprintFor('risk').sections[0].count).toBe(2);
  });
});
