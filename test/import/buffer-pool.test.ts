import { describe, expect, it } from "vitest";
import { copyFloats, copyInts, recycleBuffers } from "../../src/import/buffer-pool";

describe("batch buffer pool", () => {
  it("copies a range into an array of exactly that length, in a buffer of its own", () => {
    const source = new Int32Array([1, 2, 3, 4, 5]);
    const copy = copyInts(source, 1, 4);
    expect([...copy]).toEqual([2, 3, 4]);
    expect(copy.buffer).not.toBe(source.buffer);
    expect([...copyFloats(new Float64Array([0.5, 1.5]), 0, 2)]).toEqual([0.5, 1.5]);
  });

  it("reuses a buffer given back, overwriting what it held", () => {
    const first = copyFloats(new Float64Array(3000).fill(7), 0, 3000);
    const buffer = first.buffer as ArrayBuffer;
    recycleBuffers([buffer]);
    const second = copyFloats(new Float64Array(2500).fill(9), 0, 2500);
    expect(second.buffer).toBe(buffer);
    expect(second).toHaveLength(2500);
    expect(second.every((v) => v === 9)).toBe(true);
    // Given back once, handed out once.
    expect(copyFloats(new Float64Array(2500), 0, 2500).buffer).not.toBe(buffer);
  });

  it("ignores buffers it did not size", () => {
    const odd = new ArrayBuffer(1000);
    recycleBuffers([odd]);
    expect(copyInts(new Int32Array(250), 0, 250).buffer).not.toBe(odd);
  });
});
