import { findTrackingCode, generatePin, generateTrackingCode, normaliseTrackingCode, trackingCodePattern } from '../../../db/domain/tracking-code';

describe('tracking codes and PINs', () => {
  it('a generated code has two groups of four from the unambiguous alphabet, and codes do not repeat', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const code = generateTrackingCode();
      expect(code).toMatch(trackingCodePattern);
      expect(code).not.toMatch(/[IO01]/);
      seen.add(code);
    }
    expect(seen.size).toBe(5000);
  });

  it('a PIN is six digits and all digits occur in first place', () => {
    const first = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const pin = generatePin();
      expect(pin).toMatch(/^\d{6}$/);
      first.add(pin[0]!);
    }
    expect(first.size).toBe(10);
  });

  it('codes typed by people are understood: lower case, spaces, no dash', () => {
    expect(normaliseTrackingCode('k7qx-m2pd')).toBe('K7QX-M2PD');
    expect(normaliseTrackingCode(' K7QX M2PD ')).toBe('K7QX-M2PD');
    expect(normaliseTrackingCode('K7QXM2PD')).toBe('K7QX-M2PD');
    expect(normaliseTrackingCode('K7QX-M2P0')).toBeNull();
    expect(normaliseTrackingCode('K7QX-M2')).toBeNull();
  });

  it('a code inside a chat message is found, and ordinary words are not taken for codes', () => {
    expect(findTrackingCode('hi, what about K7QX-M2PD please?')).toBe('K7QX-M2PD');
    expect(findTrackingCode('stato della pratica k7qx m2pd')).toBe('K7QX-M2PD');
    expect(findTrackingCode('I forgot my PASSWORD again')).toBeNull();
    expect(findTrackingCode('my order 45001234 is late')).toBeNull();
  });
});
