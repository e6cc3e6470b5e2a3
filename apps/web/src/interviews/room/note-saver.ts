/**
 * Autosave of the interviewer's private note: a change is saved a second after typing stops (one
 * save in flight at a time; what was typed meanwhile is saved right after), and the state says
 * whether what is on screen is saved. Free of React and sockets; the room page passes `save`
 * (note:save over the room's socket) and the test passes fakes and a manual clock.
 */
export type NoteState = 'saved' | 'unsaved' | 'saving' | 'failed';

export interface NoteSaverOptions {
  save: (body: string) => Promise<{ savedAt: string }>;
  onState: (state: NoteState, detail: { savedAt: string | null; error: unknown }) => void;
  delayMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export class NoteSaver {
  private body: string | null = null;
  private savedBody: string;
  private inFlight: Promise<void> | null = null;
  private timer: unknown = null;
  private savedAt: string | null = null;
  private readonly delayMs: number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(
    initial: string,
    private readonly options: NoteSaverOptions,
  ) {
    this.savedBody = initial;
    this.delayMs = options.delayMs ?? 1_000;
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  /** True while something typed is not saved yet (a note from elsewhere must not overwrite it). */
  get dirty(): boolean {
    return this.body !== null || this.inFlight !== null;
  }

  /** The note as saved elsewhere (another tab): taken as the saved text. */
  saved(body: string, savedAt: string): void {
    this.savedBody = body;
    this.savedAt = savedAt;
  }

  change(body: string): void {
    this.body = body === this.savedBody && !this.inFlight ? null : body;
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    if (this.body === null) return this.options.onState('saved', { savedAt: this.savedAt, error: null });
    this.options.onState('unsaved', { savedAt: this.savedAt, error: null });
    this.timer = this.setTimer(() => {
      this.timer = null;
      void this.flush();
    }, this.delayMs);
  }

  /** Saves now what is pending (on leaving the page, or when the timer fires). */
  async flush(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    const body = this.body;
    if (body === null) return;
    this.body = null;
    this.options.onState('saving', { savedAt: this.savedAt, error: null });
    let ok = false;
    this.inFlight = this.options
      .save(body)
      .then(
        ({ savedAt }) => {
          ok = true;
          this.savedBody = body;
          this.savedAt = savedAt;
          if (this.body === body) this.body = null;
          this.options.onState(this.body === null ? 'saved' : 'unsaved', { savedAt, error: null });
        },
        (error: unknown) => {
          this.body ??= body; // kept to retry on the next change or flush
          this.options.onState('failed', { savedAt: this.savedAt, error });
        },
      )
      .finally(() => (this.inFlight = null));
    await this.inFlight;
    // Typed while that save was in flight: save it too (after a failure, the next change or flush retries).
    if (ok && this.body !== null && this.timer === null) await this.flush();
  }

  dispose(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
  }
}
