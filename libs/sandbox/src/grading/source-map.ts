const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    if (digit < 0) break;
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/**
 * Maps 1-based generated lines to 1-based source lines from a source map's `mappings` (first
 * mapped segment of each line). Lines without a mapping fall back to the nearest mapped line above.
 */
export function lineMapFromSourceMap(mappings: string): (generatedLine: number) => number {
  const table: number[] = [];
  let sourceLine = 0;
  let lastMapped = 0;
  for (const line of mappings.split(';')) {
    let first: number | undefined;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const fields = decodeVlq(segment);
      if (fields.length >= 4) {
        sourceLine += fields[2];
        first ??= sourceLine + 1;
      }
    }
    lastMapped = first ?? lastMapped;
    table.push(lastMapped);
  }
  return (generatedLine) => table[generatedLine - 1] || generatedLine;
}
