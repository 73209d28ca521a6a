import { describe, expect, it } from "vitest";
import { horizonValue, transferGain } from "../../../src/core/budget/response-curve";

describe("transfer gain", () => {
  it("is the receiver's gain minus the giver's loss", () => {
    const giver = { value: (s: number) => 2 * s, spend: 100 };
    const receiver = { value: (s: number) => 3 * s, spend: 100 };
    expect(transferGain(giver, receiver, 10)).toBe(10);
    expect(transferGain(receiver, giver, 10)).toBe(-10);
    expect(transferGain(giver, receiver, 0)).toBe(0);
  });

  it("reads concave curves, where moving too much turns the gain down", () => {
    const curve = { kind: "log", a: 1000, b: 500 } as const;
    const flat = { kind: "linear", rate: 0.5 } as const;
    const from = { value: (s: number) => horizonValue(flat, s), spend: 2000 };
    const to = { value: (s: number) => horizonValue(curve, s), spend: 100 };
    const small = transferGain(from, to, 100);
    expect(small).toBeGreaterThan(0);
    expect(transferGain(from, to, 1900)).toBeLessThan(small * 19);
  });
});
