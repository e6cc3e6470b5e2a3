import * as Y from 'yjs';
import { CODE_TEXT } from './update-check';

export interface ReplayEntry {
  seq: number;
  /** ms since the epoch. */
  at: number;
  author: string;
  update: Uint8Array;
}

/**
 * Rebuilds a question's code at any moment from its log: the log's updates up to that moment,
 * applied in order to a fresh document (gc stays on; `Y.snapshot` would need it off). A checkpoint
 * (the encoded state) every `checkpointEvery` updates makes a seek cost at most that many applies.
 */
export class DocReplay {
  readonly entries: ReplayEntry[];
  private readonly checkpoints: Uint8Array[] = [];

  constructor(
    entries: ReplayEntry[],
    private readonly checkpointEvery = 200,
  ) {
    this.entries = [...entries].sort((a, b) => a.seq - b.seq);
    const doc = new Y.Doc();
    this.checkpoints.push(Y.encodeStateAsUpdate(doc));
    this.entries.forEach((entry, i) => {
      Y.applyUpdate(doc, entry.update);
      if ((i + 1) % checkpointEvery === 0) this.checkpoints.push(Y.encodeStateAsUpdate(doc));
    });
    doc.destroy();
  }

  /** How many updates had been applied at `at` (ms since the epoch). */
  countAt(at: number): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.entries[mid].at <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The document after the first `count` updates. */
  docAfter(count: number): Y.Doc {
    const n = Math.max(0, Math.min(count, this.entries.length));
    const checkpoint = Math.floor(n / this.checkpointEvery);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, this.checkpoints[checkpoint]);
    for (let i = checkpoint * this.checkpointEvery; i < n; i++) Y.applyUpdate(doc, this.entries[i].update);
    return doc;
  }

  /** The code after the first `count` updates. */
  textAfter(count: number): string {
    const doc = this.docAfter(count);
    const text = doc.getText(CODE_TEXT).toString();
    doc.destroy();
    return text;
  }

  /** The code as it stood at `at`. */
  textAt(at: number): string {
    return this.textAfter(this.countAt(at));
  }
}
