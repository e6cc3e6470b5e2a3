import * as Y from 'yjs';
import { checkUpdate, CODE_TEXT } from './update-check';

function edit(change: (doc: Y.Doc) => void, base?: Y.Doc): Uint8Array {
  const doc = new Y.Doc();
  if (base) Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(doc);
  change(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

describe('checkUpdate', () => {
  it('accepts inserts, deletions and follow-up edits of the code text', () => {
    const base = new Y.Doc();
    base.getText(CODE_TEXT).insert(0, 'function solve(x) {}');
    expect(checkUpdate(Y.encodeStateAsUpdate(base))).toEqual({ ok: true });
    expect(checkUpdate(edit((d) => d.getText(CODE_TEXT).insert(5, '中文'), base))).toEqual({ ok: true });
    expect(checkUpdate(edit((d) => d.getText(CODE_TEXT).delete(0, 3), base))).toEqual({ ok: true });
  });

  it('refuses other roots, map entries and embedded types', () => {
    expect(checkUpdate(edit((d) => d.getText('notes').insert(0, 'x')))).toMatchObject({
      ok: false,
      problem: 'update-not-allowed',
    });
    expect(checkUpdate(edit((d) => d.getMap('meta').set('k', 1)))).toMatchObject({ problem: 'update-not-allowed' });
    expect(checkUpdate(edit((d) => d.getText(CODE_TEXT).insertEmbed(0, { evil: true })))).toMatchObject({
      problem: 'update-not-allowed',
    });
    const nested = edit((d) => d.getArray(CODE_TEXT).insert(0, [new Y.Map()]));
    expect(checkUpdate(nested)).toMatchObject({ ok: false });
  });

  it('calls a truncated or random update invalid', () => {
    const good = edit((d) => d.getText(CODE_TEXT).insert(0, 'hello world'));
    expect(checkUpdate(good.subarray(0, good.length - 4))).toMatchObject({ ok: false, problem: 'update-invalid' });
    expect(checkUpdate(new Uint8Array([255, 255, 255, 255, 1, 2, 3]))).toMatchObject({
      ok: false,
      problem: 'update-invalid',
    });
  });
});
