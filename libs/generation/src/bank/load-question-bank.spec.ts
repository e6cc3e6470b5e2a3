import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixtureBank, FIXTURE_BANK_DIR, mutateBankFile } from '../testing/fixture-bank';
import { BankValidationError } from './bank-validation-error';
import { loadQuestionBank } from './load-question-bank';

function loadError(dir: string): string {
  try {
    loadQuestionBank(dir);
  } catch (err) {
    expect(err).toBeInstanceOf(BankValidationError);
    return (err as Error).message;
  }
  throw new Error('expected the bank to be rejected');
}

function breakQuestion(rel: string, id: string, mutate: (q: any) => void): string {
  const dir = copyFixtureBank();
  mutateBankFile(dir, rel, (data) => mutate(data.questions.find((q: any) => q.id === id)));
  return loadError(dir);
}

describe(loadQuestionBank.name, () => {
  it('loads the valid fixture bank with questions sorted by id', () => {
    const bank = loadQuestionBank(FIXTURE_BANK_DIR);
    expect(bank.competencies.map((c) => c.id)).toContain('AI.NLP');
    expect(bank.questions).toHaveLength(11);
    expect(bank.questions.map((q) => q.id)).toEqual([...bank.questions.map((q) => q.id)].sort());
    expect(bank.questionFile['case.fraud-rules']).toBe('bank/case/product.yaml');
  });

  it('versions the bank by a content hash that changes with any file', () => {
    const dir = copyFixtureBank();
    const before = loadQuestionBank(dir).version;
    expect(before).toMatch(/^[0-9a-f]{64}$/);
    expect(loadQuestionBank(FIXTURE_BANK_DIR).version).toBe(before);
    mutateBankFile(dir, 'case/product.yaml', (d) => {
      d.questions[0].minutes = 31;
    });
    expect(loadQuestionBank(dir).version).not.toBe(before);
  });

  it('names file, question and field for a missing anchor text', () => {
    const msg = breakQuestion('case/product.yaml', 'case.fraud-rules', (q) => {
      delete q.rubric[2].anchors['5'].zh;
    });
    expect(msg).toBe('bank/case/product.yaml: question case.fraud-rules: rubric[2].anchors.5.zh: Required');
  });

  it('rejects unknown keys', () => {
    const msg = breakQuestion('case/product.yaml', 'case.fraud-rules', (q) => {
      q.rubric[0].colour = 'red';
    });
    expect(msg).toBe('bank/case/product.yaml: question case.fraud-rules: rubric[0]: Unrecognized key: "colour"');
  });

  it('explains the unquoted-comma mistake that splits a bilingual text', () => {
    const dir = copyFixtureBank();
    const file = join(dir, 'case/product.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('en: Quantified with trade-offs }', 'en: Quantified, with trade-offs }'),
    );
    expect(loadError(dir).split('\n')[0]).toBe(
      'bank/case/product.yaml: question case.bot-handoff: rubric[0].anchors.5: Unrecognized key: "with trade-offs"' +
        ' (an unquoted comma inside { zh: …, en: … } splits the text: quote it)',
    );
  });

  it('rejects rubric weights that do not sum to 1', () => {
    const msg = breakQuestion('case/product.yaml', 'case.bot-handoff', (q) => {
      q.rubric[0].weight = 0.3;
    });
    expect(msg).toBe('bank/case/product.yaml: question case.bot-handoff: rubric: weights sum to 0.9, expected 1');
  });

  it('rejects fewer than 3 rubric criteria', () => {
    const msg = breakQuestion('scenario/architecture.yaml', 'scenario.payment-gateway', (q) => {
      q.rubric = q.rubric.slice(0, 2);
    });
    expect(msg).toMatch(
      /^bank\/scenario\/architecture\.yaml: question scenario\.payment-gateway: rubric: Too small: expected array to have >=3 items/,
    );
  });

  it('requires 2-3 probes on non-coding questions', () => {
    const msg = breakQuestion('behavioral/core.yaml', 'behavioral.own-mistake', (q) => {
      q.probes = q.probes.slice(0, 1);
    });
    expect(msg).toMatch(/^bank\/behavioral\/core\.yaml: question behavioral\.own-mistake: probes: Too small/);
  });

  it('requires a style on behavioural questions', () => {
    const msg = breakQuestion('behavioral/core.yaml', 'behavioral.own-mistake', (q) => {
      delete q.style;
    });
    expect(msg).toBe('bank/behavioral/core.yaml: question behavioral.own-mistake: style: Required');
  });

  it('requires at least 8 hidden tests on coding tasks', () => {
    const msg = breakQuestion('coding/dialogue.yaml', 'coding.retry-client', (q) => {
      q.hiddenTests = q.hiddenTests.slice(0, 7);
    });
    expect(msg).toMatch(
      /^bank\/coding\/dialogue\.yaml: question coding\.retry-client: hiddenTests: Too small: expected array to have >=8 items/,
    );
  });

  it('requires typescript starter code on coding tasks', () => {
    const msg = breakQuestion('coding/dialogue.yaml', 'coding.intent-router', (q) => {
      delete q.starter.typescript;
    });
    expect(msg).toBe('bank/coding/dialogue.yaml: question coding.intent-router: starter.typescript: Required');
  });

  it('allows autoScored only on coding tasks', () => {
    const msg = breakQuestion('case/product.yaml', 'case.bot-handoff', (q) => {
      q.rubric[1].autoScored = true;
    });
    expect(msg).toBe(
      'bank/case/product.yaml: question case.bot-handoff: rubric[1].autoScored: autoScored is for coding tasks only',
    );
  });

  it('rejects a competency that is not in competencies.yaml', () => {
    const msg = breakQuestion('case/product.yaml', 'case.bot-handoff', (q) => {
      q.competencies.push('PM.NOPE');
    });
    expect(msg).toBe('bank/case/product.yaml: question case.bot-handoff: competencies[3]: unknown competency PM.NOPE');
  });

  it('rejects an id used twice across files', () => {
    const dir = copyFixtureBank();
    mutateBankFile(dir, 'scenario/architecture.yaml', (d) => {
      d.questions[1].id = 'scenario.dup';
    });
    mutateBankFile(dir, 'behavioral/core.yaml', (d) => {
      d.questions.push({ ...d.questions[0], id: 'behavioral.cross-team-conflict' });
    });
    expect(loadError(dir)).toBe(
      'bank/behavioral/core.yaml: question behavioral.cross-team-conflict: id: duplicate id, also in bank/behavioral/core.yaml',
    );
  });

  it('rejects a question filed under the wrong kind folder', () => {
    const dir = copyFixtureBank();
    mutateBankFile(dir, 'case/product.yaml', (d) => {
      d.questions[0] = { ...d.questions[0], kind: 'scenario', id: 'scenario.misfiled' };
    });
    expect(loadError(dir)).toBe(
      'bank/case/product.yaml: question scenario.misfiled: kind: kind scenario does not belong in case/',
    );
  });

  it('requires 10-30 synonyms per language on competencies', () => {
    const dir = copyFixtureBank();
    mutateBankFile(dir, 'competencies.yaml', (d) => {
      d.competencies[1].synonyms.en = ['api'];
    });
    expect(loadError(dir)).toMatch(
      /^bank\/competencies\.yaml: competency SE\.API: synonyms\.en: Too small: expected array to have >=10 items/,
    );
  });

  it('reports invalid YAML with its line', () => {
    const dir = copyFixtureBank();
    writeFileSync(join(dir, 'case/broken.yaml'), 'questions:\n  - id: case.x\n    title: { zh: [\n');
    expect(loadError(dir)).toMatch(/^bank\/case\/broken\.yaml: invalid YAML \(line \d+\)/);
  });

  it('refuses a key given twice in one mapping, naming its line (the second would silently win)', () => {
    const dir = copyFixtureBank();
    writeFileSync(join(dir, 'case/twice.yaml'), 'questions:\n  - id: case.x\n    minutes: 10\n    minutes: 20\n');
    expect(loadError(dir)).toMatch(/^bank\/case\/twice\.yaml: invalid YAML \(line 4\): duplicated mapping key/);
  });

  it('lists every issue, one per line', () => {
    const dir = copyFixtureBank();
    mutateBankFile(dir, 'case/product.yaml', (d) => {
      delete d.questions[0].title;
      delete d.questions[1].prompt.en;
    });
    expect(loadError(dir).split('\n')).toEqual([
      'bank/case/product.yaml: question case.bot-handoff: title: Required',
      'bank/case/product.yaml: question case.requirements-triage: prompt.en: Required',
    ]);
  });
});
