import { fromBase64, toBase64 } from 'lib0/buffer';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Document and awareness messages travel as base64 text, not as socket.io binary attachments: a
 * packet with an attachment is two WebSocket frames (a header, then the bytes), so text halves the
 * frames, the writes and the parsing per edit on both ends (bench:interviews measures it).
 */
export const toWire = (bytes: Uint8Array): string => toBase64(bytes);

/** The bytes of a wire message; null when it is not base64 text, 'too-large' when it decodes to over `maxBytes`. */
export function fromWire(value: unknown, maxBytes: number): Uint8Array | 'too-large' | null {
  if (typeof value !== 'string' || value.length % 4 !== 0) return null;
  if ((value.length / 4) * 3 > maxBytes + 2) return 'too-large';
  if (!BASE64.test(value)) return null;
  return fromBase64(value);
}
