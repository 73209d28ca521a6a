import { describe, expect, it } from "vitest";
import { rankBy, winnersAndLosers } from "../../src/core/rank";

const items = [
  { id: "a", v: 3 },
  { id: "b", v: null },
  { id: "c", v: 5 },
  { id: "d", v: 3 },
  { id: "e", v: Number.NaN },
  { id: "f", v: 1 },
];
const ids = (list: { id: string }[]) => list.map((i) => i.id).join("");

describe("rankBy", () => {
  it("sorts descending or ascending, stable, with missing values last either way", () => {
    expect(ids(rankBy(items, (i) => i.v, "desc"))).toBe("cadfbe");
    expect(ids(rankBy(items, (i) => i.v, "asc"))).toBe("fadcbe");
    expect(ids(rankBy(items, (i) => i.v))).toBe("cadfbe");
  });

  it("does not mutate its input", () => {
    const copy = [...items];
    rankBy(items, (i) => i.v, "asc");
    expect(items).toEqual(copy);
  });
});

describe("winnersAndLosers", () => {
  it("takes the best and the worst, worst first, ignoring missing values", () => {
    const r = winnersAndLosers(items, (i) => i.v, { count: 2 });
    expect(ids(r.winners)).toBe("ca");
    expect(ids(r.losers)).toBe("fd");
  });

  it("flips for KPIs where lower is better", () => {
    const r = winnersAndLosers(items, (i) => i.v, { count: 2, higherIsBetter: false });
    expect(ids(r.winners)).toBe("fa");
    expect(ids(r.losers)).toBe("cd");
  });

  it("never lists an item twice when there are few", () => {
    const three = items.filter((i) => ["a", "c", "f"].includes(i.id));
    const r = winnersAndLosers(three, (i) => i.v, { count: 3 });
    expect(ids(r.winners)).toBe("ca");
    expect(ids(r.losers)).toBe("f");
    expect(winnersAndLosers([], (i: { v: number }) => i.v)).toEqual({ winners: [], losers: [] });
  });
});
