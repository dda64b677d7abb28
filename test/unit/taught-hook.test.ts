// The taught-page detector travels from the on-demand tools bundle to the content script through
// the isolated world's global object (src/content/taught-hook.ts): only a function counts.
import { afterEach, describe, expect, it } from "vitest";
import { provideTaught, taughtDetector } from "../../src/content/taught-hook";
import { detectTaught } from "../../src/content/detect/taught";

const scope = globalThis as unknown as Record<string, unknown>;

afterEach(() => {
  delete scope.iamofficeLoginTaught;
});

describe("taught-hook", () => {
  it("has no detector until the tools provide one", () => {
    expect(taughtDetector()).toBeNull();
    provideTaught(detectTaught);
    expect(taughtDetector()).toBe(detectTaught);
  });

  it("ignores anything but a function under its name", () => {
    scope.iamofficeLoginTaught = { ok: true };
    expect(taughtDetector()).toBeNull();
  });
});
