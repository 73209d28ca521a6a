import { describe, expect, it } from "vitest";
import { createRng, mulberry32 } from "../../src/core/random";

describe("seeded random numbers", () => {
  it("are the same sequence for the same seed on every run", () => {
    const next = mulberry32(42);
    expect(next()).toBe(0.6011037519201636);
    expect(next()).toBe(0.44829055899754167);
    const a = createRng(7);
    const b = createRng(7);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(
      Array.from({ length: 5 }, () => b.next()),
    );
    expect(createRng(8).next()).not.toBe(createRng(7).next());
  });

  it("draw within their bounds", () => {
    const rng = createRng(1);
    const ints = Array.from({ length: 2000 }, () => rng.int(1, 6));
    expect(Math.min(...ints)).toBe(1);
    expect(Math.max(...ints)).toBe(6);
    const floats = Array.from({ length: 2000 }, () => rng.float(2, 3));
    expect(floats.every((f) => f >= 2 && f < 3)).toBe(true);
    const normals = Array.from({ length: 5000 }, () => rng.normal(10, 2));
    const mean = normals.reduce((s, x) => s + x, 0) / normals.length;
    expect(mean).toBeGreaterThan(9.8);
    expect(mean).toBeLessThan(10.2);
    expect(normals.every(Number.isFinite)).toBe(true);
  });

  it("shuffle is a permutation and leaves its input alone", () => {
    const input = [1, 2, 3, 4, 5, 6, 7, 8];
    const out = createRng(3).shuffle(input);
    expect([...out].sort((x, y) => x - y)).toEqual(input);
    expect(out).not.toEqual(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(() => createRng(3).pick([])).toThrow(RangeError);
  });
});
