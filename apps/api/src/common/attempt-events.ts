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

export interface SubscribeOptions {
  /**
   * Also hear what other API instances publish. Work that must happen once per change (grading,
   * scorecards, deadline jobs) listens to its own instance only: the instance that made the change
   * does it. Telling sockets listens to all, since each instance tells its own sockets.
   */
  includeRemote?: boolean;
}

/**
 * What happens to attempts (start, submit, a session replaced), for whoever must react: the socket
 * gateway tells the candidate's page, grading grades a submitted attempt. In one process listeners
 * are called in place; with several API instances RedisAttemptEvents (cluster/) carries them to all.
 */
export abstract class AttemptEvents {
  abstract publish(change: AttemptStateChange): void;
  /** Returns the function that stops listening. */
  abstract subscribe(listener: (change: AttemptStateChange) => void, options?: SubscribeOptions): () => void;
}

export class InMemoryAttemptEvents extends AttemptEvents {
  protected readonly listeners = new Map<(change: AttemptStateChange) => void, SubscribeOptions>();

  publish(change: AttemptStateChange): void {
    this.deliver(change, false);
  }

  subscribe(listener: (change: AttemptStateChange) => void, options: SubscribeOptions = {}): () => void {
    this.listeners.set(listener, options);
    return () => this.listeners.delete(listener);
  }

  /** Calls each listener that wants this change; one listener's failure does not stop the others. */
  protected deliver(change: AttemptStateChange, remote: boolean): void {
    for (const [listener, options] of this.listeners) {
      if (remote && !options.includeRemote) continue;
      try {
        listener(change);
      } catch {
        // A listener reports its own failures; the publisher's change has already happened.
      }
    }
  }
}
