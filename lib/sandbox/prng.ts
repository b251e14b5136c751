/**
 * Seeded randomness for the sandbox world. Everything the sandbox invents (account ids,
 * resource ids, dates, postures of generated accounts, fault rates) comes from here, so one
 * seed always yields the same world. `Math.random` is never used.
 */

/** cyrb53-style 32-bit string hash: spreads similar inputs ("acct-1", "acct-2") well. */
export function hashString(text: string, salt = 0): number {
  let h1 = 0xdeadbeef ^ salt;
  let h2 = 0x41c6ce57 ^ salt;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 ^ h2) >>> 0;
}

/** Hash of several parts, e.g. `hashParts(seed, accountId, "user", name)`. */
export function hashParts(...parts: Array<string | number>): number {
  return hashString(parts.map(String).join("\u001f"));
}

/** A deterministic value in [0, 1) for the given parts (stateless, order-independent). */
export function unitFromParts(...parts: Array<string | number>): number {
  return mulberry32(hashParts(...parts))();
}

/** mulberry32: a tiny, fast 32-bit PRNG with good enough statistics for synthetic data. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Rng {
  /** A value in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** `count` distinct items, in a seeded order. */
  sample<T>(items: readonly T[], count: number): T[];
}

export function createRng(...seedParts: Array<string | number>): Rng {
  const next = mulberry32(hashParts(...seedParts));
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[int(0, items.length - 1)] as T;
    },
    sample<T>(items: readonly T[], count: number): T[] {
      const pool = [...items];
      for (let i = pool.length - 1; i > 0; i--) {
        const j = int(0, i);
        [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
      }
      return pool.slice(0, Math.max(0, Math.min(count, pool.length)));
    },
  };
}
