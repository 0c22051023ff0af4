import { randomInt } from 'node:crypto';

/** Alphabet without look-alikes (no I, O, 0, 1): `K7QX-M2PD` (INTERFACES.md). */
export const trackingAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const trackingCodePattern = /^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{4}-[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{4}$/;

/** A fresh random tracking code; uniqueness is enforced by the database, the caller retries. */
export function generateTrackingCode(): string {
  for (;;) {
    let code = '';
    for (let i = 0; i < 8; i++) {
      if (i === 4) code += '-';
      code += trackingAlphabet[randomInt(trackingAlphabet.length)];
    }
    // Always at least one digit, so a code inside a sentence is told apart from a word.
    if (/[2-9]/.test(code)) return code;
  }
}

/** A 6-digit PIN; leading zeros allowed. */
export function generatePin(): string {
  return String(randomInt(1_000_000)).padStart(6, '0');
}

/** Accepts what people type: lower case, spaces or no dash ("k7qx m2pd", "K7QXM2PD"). */
export function normaliseTrackingCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s\-_.]/g, '');
  if (compact.length !== 8) return null;
  const code = `${compact.slice(0, 4)}-${compact.slice(4)}`;
  return trackingCodePattern.test(code) ? code : null;
}

/** Finds a tracking code written anywhere in a chat message. */
export function findTrackingCode(text: string): string | null {
  const match = /\b([A-Za-z2-9]{4})[-\s]?([A-Za-z2-9]{4})\b/.exec(text);
  if (!match) return null;
  const code = normaliseTrackingCode(`${match[1]}${match[2]}`);
  // Generated codes always hold a digit, so a word like "PASSWORD" is not mistaken for one.
  if (!code || !/[2-9]/.test(code)) return null;
  return code;
}
