import { ROLE_FAMILIES } from '../bank';
import { blueprintFor } from './blueprints';

const shape = (...args: Parameters<typeof blueprintFor>) =>
  blueprintFor(...args).sections.map((s) => [s.kind, s.count]);

describe(blueprintFor.name, () => {
  it('gives every role family behavioural questions', () => {
    for (const family of ROLE_FAMILIES)
      for (const buildsSoftware of [false, true])
        expect(shape({ family, buildsSoftware }).map(([k]) => k)).toContain('behavioral');
  });

  it('gives coding tasks only to roles that build software', () => {
    expect(shape({ family: 'developer', buildsSoftware: true })).toEqual([
      ['coding', 2],
      ['scenario', 1],
      ['behavioral', 2],
    ]);
    expect(shape({ family: 'ai', buildsSoftware: false })).toEqual([
      ['scenario', 2],
      ['behavioral', 2],
    ]);
    expect(shape({ family: 'operations', buildsSoftware: true })).toEqual([
      ['coding', 1],
      ['scenario', 2],
      ['behavioral', 2],
    ]);
    expect(shape({ family: 'product', buildsSoftware: true })).toEqual([
      ['case', 2],
      ['behavioral', 2],
    ]);
  });

  it('gives product, risk, compliance, business and solutions roles case prompts; architecture, operations and security scenarios', () => {
    for (const f of ['product', 'risk', 'compliance', 'business', 'solutions'] as const)
      expect(shape({ family: f, buildsSoftware: false })[0]).toEqual(['case', 2]);
    for (const f of ['architecture', 'operations', 'security'] as const)
      expect(shape({ family: f, buildsSoftware: false })[0]).toEqual(['scenario', 2]);
    expect(shape({ family: 'management', buildsSoftware: true })).toEqual([
      ['case', 1],
      ['scenario', 1],
      ['behavioral', 2],
    ]);
  });

  it('adds one question of a second family’s kind, taken from the largest section', () => {
    const b = blueprintFor({ family: 'ai', buildsSoftware: true, secondary: 'risk' });
    expect(b.sections.map((s) => [s.kind, s.count])).toEqual([
      ['coding', 1],
      ['case', 1],
      ['scenario', 1],
      ['behavioral', 2],
    ]);
    expect(b.secondaryKind).toBe('case');
    // A second family of the same kind adds nothing.
    expect(blueprintFor({ family: 'compliance', buildsSoftware: false, secondary: 'product' }).secondaryKind).toBe(
      undefined,
    );
  });
});
