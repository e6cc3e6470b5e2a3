import { InMemoryAttemptEvents, type AttemptStateChange } from './attempt-events';

describe(InMemoryAttemptEvents.name, () => {
  const change: AttemptStateChange = { attemptId: 'a', status: 'submitted', remainingMs: null, deadline: null };

  it('delivers each change to every listener until it stops listening', () => {
    const events = new InMemoryAttemptEvents();
    const first: AttemptStateChange[] = [];
    const second: AttemptStateChange[] = [];
    const stop = events.subscribe((c) => first.push(c));
    events.subscribe((c) => second.push(c));
    events.publish(change);
    stop();
    events.publish({ ...change, attemptId: 'b' });
    expect(first.map((c) => c.attemptId)).toEqual(['a']);
    expect(second.map((c) => c.attemptId)).toEqual(['a', 'b']);
  });
});
