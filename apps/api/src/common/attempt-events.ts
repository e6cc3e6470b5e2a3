import type { AttemptStatus } from '@rubricon/contracts';

export interface AttemptStateChange {
  attemptId: string;
  /**
   * `session-replaced`: a newer opening of the link took over; `session-ended`: a revocation or a
   * resent link ended the open sessions. Either way, sessions older than `generation` are over.
   */
  status: AttemptStatus | 'session-replaced' | 'session-ended';
  remainingMs: number | null;
  deadline: string | null;
  /** Session changes only: the invitation's session generation after the change. */
  generation?: number;
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
