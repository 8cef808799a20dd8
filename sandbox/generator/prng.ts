const HEX = '0123456789abcdef';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
// Bound once: inside jest's vm context a `Math.imul` looked up per call is several times slower.
const imul = Math.imul;
const floor = Math.floor;

/**
 * A small deterministic PRNG (mulberry32): the same seed always yields the same sequence, on every platform.
 * Generated scenarios depend on it only, never on `Math.random` or the clock.
 */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[floor(this.next() * items.length)] as T;
  }

  private text(length: number, alphabet: string): string {
    let out = '';
    for (let i = 0; i < length; i += 1) out += alphabet[floor(this.next() * alphabet.length)];
    return out;
  }

  /** Lowercase hex digits. */
  hex(length: number): string {
    return this.text(length, HEX);
  }

  /** Lowercase letters and digits. */
  lowerAlnum(length: number): string {
    return this.text(length, LOWER_ALNUM);
  }

  /** Uppercase letters and digits. */
  upperAlnum(length: number): string {
    return this.text(length, UPPER_ALNUM);
  }

  /** A version-4-shaped UUID. */
  uuid(): string {
    return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-${this.pick(['8', '9', 'a', 'b'])}${this.hex(3)}-${this.hex(12)}`;
  }
}
