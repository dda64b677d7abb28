// The content script's scans never overlap, and none requested meanwhile is lost.
import { describe, expect, it } from "vitest";
import { oneAtATime } from "../../src/content/one-at-a-time";

describe("oneAtATime", () => {
  it("never overlaps runs, and coalesces the calls made during a run into one more run", async () => {
    const log: string[] = [];
    let release: () => void = () => undefined;
    let active = 0;
    let run = 0;
    const trigger = oneAtATime(async () => {
      const n = ++run;
      active++;
      log.push(`start ${n} (${active} active)`);
      await new Promise<void>((resolve) => (release = resolve));
      active--;
      log.push(`end ${n}`);
    });
    trigger();
    trigger();
    trigger();
    await Promise.resolve();
    release();
    await new Promise((r) => setTimeout(r, 0));
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(log).toEqual(["start 1 (1 active)", "end 1", "start 2 (1 active)", "end 2"]);
    // Idle again: the next call runs at once.
    trigger();
    await Promise.resolve();
    expect(log.at(-1)).toBe("start 3 (1 active)");
    release();
  });

  it("keeps going after a run that failed", async () => {
    let runs = 0;
    const trigger = oneAtATime(() => {
      runs++;
      return runs === 1 ? Promise.reject(new Error("boom")) : Promise.resolve();
    });
    trigger();
    await new Promise((r) => setTimeout(r, 0));
    trigger();
    await new Promise((r) => setTimeout(r, 0));
    expect(runs).toBe(2);
  });
});
