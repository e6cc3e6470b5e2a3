import type { AttemptStatus } from '@rubricon/contracts';

export interface AttemptStateChange {
  attemptId: string;
  /** `session-replaced`: a newer session, a revocation or a resent link ended the open ones. */
  status: AttemptStatus | 'session-replaced';
  remainingMs: number | null;
  deadline: string | null;
}

/**
 * What happens to attempts (start, submit, a session replaced), for whoever must react: the socket
 * gateway tells the candidate's page, grading grades a submitted attempt. In one process listeners
 * are called in place; with several API instances a Redis implementation carries the events to all.
 */
export abstract class AttemptEvents {
  abstract publish(change: AttemptStateChange): void;
  /** Returns the function that stops listening. */
  abstract subscribe(listener: (change: AttemptStateChange) => void): () => void;
}

export class InMemoryAttemptEvents extends AttemptEvents {
  private readonly listeners = new Set<(change: AttemptStateChange) => void>();

  publish(change: AttemptStateChange): void {
    for (const listener of this.listeners) listener(change);
  }

  subscribe(listener: (change: AttemptStateChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
