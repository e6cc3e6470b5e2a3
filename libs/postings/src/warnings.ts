import type { ParseWarning, ParseWarningCode } from './types';
import { displayLength, graphemesWithin } from './text-utils';

/** Where a warning points: a posting of the document (by index, once known) and a source line. */
export interface WarningPlace {
  posting?: number;
  line?: number;
}

/**
 * The warnings of one parse. Readers add them as they go; a warning about a posting still being
 * read is held by its draft (see posting-draft.ts) until the posting's index is known.
 */
export class WarningLog {
  readonly items: ParseWarning[] = [];

  add(code: ParseWarningCode, message: string, params: ParseWarning['params'] = {}, place: WarningPlace = {}): void {
    this.items.push(makeWarning(code, message, params, place));
  }

  /** Adds warnings made earlier, pointing them at `posting` (or at the document when undefined). */
  adopt(warnings: ParseWarning[], posting: number | undefined): void {
    for (const warning of warnings) this.items.push(posting === undefined ? warning : { ...warning, posting });
  }
}

export function makeWarning(
  code: ParseWarningCode,
  message: string,
  params: ParseWarning['params'] = {},
  place: WarningPlace = {},
): ParseWarning {
  return {
    code,
    message,
    params,
    ...(place.posting !== undefined ? { posting: place.posting } : {}),
    ...(place.line !== undefined ? { line: place.line } : {}),
  };
}

/** A line that fit under no duties or requirements heading (or a sub-heading with nothing under it). */
export function lineNotPlaced(text: string, line?: number): ParseWarning {
  return makeWarning(
    'line-not-placed',
    `Line “${quote(text)}” could not be placed under duties or requirements and was not imported.`,
    { text: quote(text) },
    { line },
  );
}

/** A line quoted in a warning: whole when short, else its start and an ellipsis, never half a character. */
export function quote(text: string, columns = 60): string {
  return displayLength(text) <= columns ? text : `${graphemesWithin(text, columns - 1)}…`;
}
