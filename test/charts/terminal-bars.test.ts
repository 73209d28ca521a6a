import { describe, expect, it } from "vitest";
import {
  negativeBar,
  positiveBar,
  progressBar,
  renderBarRows,
} from "../../src/charts/terminal-bars";

/** A bar's length in eighths of a cell, counting partial blocks. */
function eighths(bar: string): number {
  const partial: Record<string, number> = {
    "▏": 1,
    "▎": 2,
    "▍": 3,
    "▌": 4,
    "▋": 5,
    "▊": 6,
    "▉": 7,
    "█": 8,
  };
  return [...bar].reduce((sum, ch) => sum + (partial[ch] ?? 0), 0);
}

describe("terminal bars", () => {
  it("draws partial blocks in eighths", () => {
    expect(positiveBar(2.5)).toBe("██▌");
    expect(positiveBar(0.01)).toBe("▏");
    expect(positiveBar(0)).toBe("");
    expect(negativeBar(2.5)).toBe("▐██");
  });

  it("makes bar lengths proportional to the values", () => {
    const lines = renderBarRows(
      [
        { label: "a", value: 100, display: "100" },
        { label: "b", value: 50, display: "50" },
        { label: "c", value: 25, display: "25" },
      ],
      40,
    );
    const [a, b, c] = lines.map(eighths);
    expect(a).toBeGreaterThan(0);
    expect((b as number) / (a as number)).toBeCloseTo(0.5, 1);
    expect((c as number) / (a as number)).toBeCloseTo(0.25, 1);
    expect(lines[0]).toMatch(/^a █+ 100$/);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(40);
  });

  it("grows negative values left of a zero axis on the same scale", () => {
    const lines = renderBarRows(
      [
        { label: "up", value: 40, display: "40 %" },
        { label: "down", value: -20, display: "-20 %" },
      ],
      40,
    );
    const axis = lines.map((line) => line.indexOf("│"));
    expect(axis[0]).toBe(axis[1]);
    const [up, down] = lines;
    const left = (line: string) => line.slice(0, line.indexOf("│"));
    const right = (line: string) => line.slice(line.indexOf("│") + 1);
    expect(eighths(left(up as string))).toBe(0);
    expect(eighths(right(down as string))).toBe(0);
    expect(eighths(left(down as string)) / eighths(right(up as string))).toBeCloseTo(0.5, 1);
    expect(down).toMatch(/-20 %$/);
  });

  it("shows rows without a value with no bar", () => {
    const [line] = renderBarRows([{ label: "x", value: null, display: "—" }], 30);
    expect(eighths(line as string)).toBe(0);
    expect(line).toMatch(/—$/);
  });

  it("fills a progress bar in proportion and caps it at 100 %", () => {
    expect(progressBar(50, 10)).toBe("[████    ]");
    expect(progressBar(150, 10)).toBe("[████████]");
    expect(progressBar(null, 10)).toBe("[        ]");
  });
});
