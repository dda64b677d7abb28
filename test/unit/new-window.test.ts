// A login window that just showed gets its fill before the worker records the page's report
// (the tab's record, the idle clock: storage round trips the page's fill need not wait for),
// unless recording it can change the fill: an automatic submit to settle, or an idle logout
// whose re-login the fill must carry. The answer's own writes still land after the report's.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Runtime } from "webextension-polyfill";
import { fakeBrowser } from "@webext-core/fake-browser";
import { route } from "../../src/background/router";
import * as vault from "../../src/background/vault";
import { contentSender, stubBackgroundApis } from "./background-stubs";

vi.setConfig({ testTimeout: 30_000 });
beforeEach(() => stubBackgroundApis());
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const EXT = "chrome-extension://test-extension-id";
const popup: Runtime.MessageSender = { id: "test-extension-id", url: `${EXT}/popup/index.html` };
const content = contentSender();
const MINUTE = 60_000;

type Answer = { fill: { identifier: string; submit: boolean } | null; reason?: string };
type Record_ = {
  state: string;
  entryId?: string;
  autoSubmitPending?: string;
  notice?: { kind: string };
};

async function oneEntry(settings: Record<string, unknown> = {}): Promise<void> {
  await vault.create("correct horse battery staple", "correct horse battery staple");
  const saved = await vault.save({
    input: { name: "Cabinet Martin", workspace: "ACME", identifier: "anne", password: "pw-1" },
    revision: 1,
  });
  if (!saved.ok) throw new Error("setup");
  await route({ type: "settings.set", payload: { patch: settings } }, popup);
}

const report = (payload: Record<string, unknown>): Promise<unknown> =>
  route({ type: "content.pageState", payload }, content);

const newWindow = (load = false): Promise<Answer> =>
  report({ state: "login", fill: true, ...(load ? { load } : {}) }) as Promise<Answer>;

async function tabRecord(): Promise<Record_ | undefined> {
  const { tabs } = await fakeBrowser.storage.session.get("tabs");
  return (tabs as Record<string, Record_> | undefined)?.["7"];
}

/**
 * Holds every write of the tab records until released (once one is held); `onHold` runs when
 * the first is held.
 */
function holdTabWrites(onHold: () => void = () => undefined): { release: () => Promise<void> } {
  const session = fakeBrowser.storage.session;
  const write = session.set.bind(session);
  const held: (() => void)[] = [];
  let holding = true;
  vi.spyOn(session, "set").mockImplementation((items: Record<string, unknown>) => {
    if (!holding || !("tabs" in items)) return write(items);
    if (held.length === 0) onHold();
    return new Promise<void>((done) => held.push(() => void write(items).then(done)));
  });
  return {
    release: async () => {
      await vi.waitFor(() => expect(held.length).toBeGreaterThan(0));
      holding = false;
      for (const go of held.splice(0)) go();
    },
  };
}

/** The tab logs in with an automatic submit, so the worker knows which entry it uses. */
async function loggedInByAutoSubmit(): Promise<void> {
  const first = await newWindow(true);
  expect(first.fill?.submit).toBe(true);
  await report({ state: "logged-in" });
  expect((await tabRecord())?.entryId).toBeDefined();
}

/** At 09:00 (a fake clock), logged in by an automatic submit, with automatic re-login on. */
async function loggedInAtNineWithAutoRelogin(): Promise<void> {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-12-02T09:00:00Z"));
  await oneEntry({ submitAfterAutofill: true, autoRelogin: true });
  await loggedInByAutoSubmit();
}

describe("a new login window", () => {
  it("gets its fill before the page's report is recorded", async () => {
    await oneEntry();
    await report({ state: "logged-in", load: true });
    const { release } = holdTabWrites();
    const answer = await newWindow();
    expect(answer.fill?.identifier).toBe("anne");
    // Answered while the record still says logged in; it follows once the write goes through.
    expect((await tabRecord())?.state).toBe("logged-in");
    await release();
    await vi.waitFor(async () => expect((await tabRecord())?.state).toBe("login"));
  });

  it("records the answer's own writes after the report's: a submit just made is not taken for a refused one", async () => {
    await oneEntry({ submitAfterAutofill: true });
    const answer = await newWindow(true);
    expect(answer.fill?.submit).toBe(true);
    await vi.waitFor(async () => expect((await tabRecord())?.autoSubmitPending).toBeDefined());
    const record = await tabRecord();
    expect(record?.notice).toBeUndefined();
    expect(record?.entryId).toBeDefined();
  });

  it("after an automatic submit, waits for the report: the refused password gets no new submit", async () => {
    await oneEntry({ submitAfterAutofill: true });
    expect((await newWindow(true)).fill?.submit).toBe(true);
    await vi.waitFor(async () => expect((await tabRecord())?.autoSubmitPending).toBeDefined());
    // The window comes back instead of the dashboard: IamOffice refused the password.
    const again = await newWindow(true);
    expect(again.fill?.submit).toBe(false);
    const record = await tabRecord();
    expect(record?.notice?.kind).toBe("refused");
    expect(record?.autoSubmitPending).toBeUndefined();
  });

  it("near the idle deadline, waits for the clock: the automatic re-login comes in this same answer", async () => {
    await loggedInAtNineWithAutoRelogin();
    // IamOffice logs the user out after 20 minutes without a trusted action.
    vi.setSystemTime(new Date("2026-12-02T09:20:05Z"));
    const answer = await newWindow();
    // The same account, submitted (a re-login), though its automatic submit was used already.
    expect(answer.fill).toMatchObject({ identifier: "anne", submit: true });
  });

  it("an idle logout found only while recording (the clock moved meanwhile) asks the frame again, and that fill carries the re-login", async () => {
    await loggedInAtNineWithAutoRelogin();
    vi.setSystemTime(new Date("2026-12-02T09:05:00Z"));
    const sendMessage = vi.fn(() => Promise.resolve({ ok: true }));
    (fakeBrowser.tabs as unknown as { sendMessage: unknown }).sendMessage = sendMessage;
    // Between the answer and the record, 20 minutes pass (a clock jump).
    const { release } = holdTabWrites(() => vi.setSystemTime(Date.now() + 20 * MINUTE));
    const answer = await newWindow();
    // Filled, not submitted: this entry's automatic submit was used already.
    expect(answer.fill).toMatchObject({ identifier: "anne", submit: false });
    await release();
    await vi.waitFor(() =>
      expect(sendMessage).toHaveBeenCalledWith(
        7,
        { type: "tab.refill", payload: undefined },
        {
          frameId: 0,
        },
      ),
    );
    const again = (await route({ type: "content.requestFill" }, content)) as Answer;
    expect(again.fill).toMatchObject({ identifier: "anne", submit: true });
  });

  it("with nothing to fill, answers once the report and the reason are recorded (the badge says why)", async () => {
    await oneEntry();
    await vault.lock();
    const answer = await newWindow(true);
    expect(answer).toEqual({ fill: null, reason: "locked" });
    expect(await tabRecord()).toMatchObject({ state: "login", waitingForUnlock: true });
  });
});
