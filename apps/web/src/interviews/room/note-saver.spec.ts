import { describe, expect, it } from '@jest/globals';
import { NoteSaver, type NoteState } from './note-saver';

function setup(save: (body: string) => Promise<{ savedAt: string }>) {
  const timers: (() => void)[] = [];
  const states: NoteState[] = [];
  const saver = new NoteSaver('', {
    save,
    onState: (s) => states.push(s),
    setTimer: (fn) => timers.push(fn) - 1,
    clearTimer: (h) => (timers[h as number] = () => undefined),
  });
  const fire = async () => {
    const pending = timers.splice(0);
    for (const t of pending) t();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { saver, states, fire };
}

describe('NoteSaver', () => {
  it('saves once after typing stops, with the last text', async () => {
    const saved: string[] = [];
    const { saver, states, fire } = setup(async (b) => (saved.push(b), { savedAt: 't1' }));
    saver.change('a');
    saver.change('ab');
    saver.change('abc');
    expect(saved).toEqual([]);
    expect(saver.dirty).toBe(true);
    await fire();
    expect(saved).toEqual(['abc']);
    expect(states.at(-1)).toBe('saved');
    expect(saver.dirty).toBe(false);
  });

  it('saves what was typed during a save right after it', async () => {
    const saved: string[] = [];
    let release!: () => void;
    const { saver, states, fire } = setup(
      (b) =>
        new Promise((resolve) => {
          saved.push(b);
          release = () => resolve({ savedAt: String(saved.length) });
        }),
    );
    saver.change('one');
    await fire();
    saver.change('one two');
    expect(saver.dirty).toBe(true);
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(states.at(-1)).toBe('unsaved');
    await fire();
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(saved).toEqual(['one', 'one two']);
    expect(states.at(-1)).toBe('saved');
  });

  it('says failed and keeps the text for the next try', async () => {
    let fail = true;
    const saved: string[] = [];
    const { saver, states, fire } = setup(async (b) => {
      if (fail) throw new Error('offline');
      saved.push(b);
      return { savedAt: 't' };
    });
    saver.change('kept');
    await fire();
    expect(states.at(-1)).toBe('failed');
    expect(saver.dirty).toBe(true);
    fail = false;
    await saver.flush();
    expect(saved).toEqual(['kept']);
    expect(states.at(-1)).toBe('saved');
  });

  it('typing back to the saved text is saved, with nothing to send', async () => {
    const saved: string[] = [];
    const { saver, states, fire } = setup(async (b) => (saved.push(b), { savedAt: 't' }));
    saver.saved('note', 't0');
    saver.change('note!');
    saver.change('note');
    await fire();
    expect(saved).toEqual([]);
    expect(states.at(-1)).toBe('saved');
  });
});
