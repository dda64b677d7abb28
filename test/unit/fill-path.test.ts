// The fill path in the worker (content.pageState carrying a fill request) answers without
// waiting for the toolbar badge, and badge refreshes run in order, so one not waited for never
// leaves an older state showing after a newer one.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "@webext-core/fake-browser";
import { refreshBadge } from "../../src/background/badge";
import { route } from "../../src/background/router";
import * as vault from "../../src/background/vault";
import { contentSender, recorded, stubBackgroundApis } from "./background-stubs";

vi.setConfig({ testTimeout: 30_000 });
beforeEach(() => stubBackgroundApis());

const content = contentSender();

async function oneEntry(): Promise<void> {
  await vault.create("correct horse battery staple", "correct horse battery staple");
  const saved = await vault.save({
    input: { name: "Cabinet Martin", workspace: "ACME", identifier: "anne", password: "pw-1" },
    revision: 1,
  });
  if (!saved.ok) throw new Error("setup");
}

/**
 * Makes the badge's text calls hang until released; returns the release (each call lets go of
 * the held calls; after the last, calls no longer hang). The badge's queue is shared by the
 * whole worker, so every test must let go of what it held.
 */
function holdBadge(): {
  release: (opts?: { last?: boolean }) => void;
  setText: ReturnType<typeof vi.fn>;
} {
  const releases: (() => void)[] = [];
  let holding = true;
  const b = fakeBrowser as unknown as { action: Record<string, unknown> };
  const setText = vi.fn(({ text }: { text: string }) => {
    const show = (): void => void (recorded.badge = text);
    if (!holding) return Promise.resolve(show());
    return new Promise<void>((done) => releases.push(() => (show(), done())));
  });
  b.action.setBadgeText = setText;
  const release = ({ last = true } = {}): void => {
    holding = !last;
    for (const r of releases.splice(0)) r();
  };
  return { release, setText };
}

describe("the fill path", () => {
  it("answers a new login window with its fill while the badge is still being drawn", async () => {
    await oneEntry();
    const { release } = holdBadge();
    const answer = (await route(
      { type: "content.pageState", payload: { state: "login", load: true, fill: true } },
      content,
    )) as { fill: { identifier: string } | null };
    expect(answer.fill?.identifier).toBe("anne");
    release();
  });

  it("still waits for the badge when there is nothing to fill (it tells the user why)", async () => {
    await vault.create("correct horse battery staple", "correct horse battery staple");
    await vault.lock();
    const { release, setText } = holdBadge();
    let answered = false;
    const reply = route(
      { type: "content.pageState", payload: { state: "login", load: true, fill: true } },
      content,
    ).then(() => (answered = true));
    await vi.waitFor(() => expect(setText).toHaveBeenCalled());
    expect(answered).toBe(false);
    release();
    await reply;
    expect(recorded.badge).toBe("!");
  });
});

describe("refreshBadge", () => {
  it("sets the title last, so that the title never shows beside an older text", async () => {
    const { release, setText } = holdBadge();
    const b = fakeBrowser as unknown as { action: Record<string, unknown> };
    const setTitle = vi.fn(async () => {});
    b.action.setTitle = setTitle;
    const done = refreshBadge();
    await vi.waitFor(() => expect(setText).toHaveBeenCalled());
    expect(setTitle).not.toHaveBeenCalled();
    release();
    await done;
    expect(setTitle).toHaveBeenCalledTimes(1);
  });

  it("runs one refresh after the other, each reading the state afresh", async () => {
    const { release, setText } = holdBadge();
    const first = refreshBadge();
    const second = refreshBadge();
    await vi.waitFor(() => expect(setText).toHaveBeenCalled());
    // The second has not started while the first is drawing.
    expect(setText).toHaveBeenCalledTimes(1);
    release({ last: false });
    await first;
    await vi.waitFor(() => expect(setText).toHaveBeenCalledTimes(2));
    release();
    await second;
  });
});
