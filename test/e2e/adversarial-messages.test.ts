// Forged messages. The background decides trust from `sender` only
// (src/background/router.ts, trust.ts), so:
// - the IamOffice page's main world has no runtime API to begin with;
// - ANOTHER installed extension (test/fixtures/hostile/other-extension, a content script on
//   every https page, the real IamOffice origin included) gets no answer at all, whatever it
//   claims in the payload (externally_connectable is closed, no onMessageExternal listener);
// - OUR content script's world (Chromium: reached over CDP) may only ask for the fill of the
//   page it is in: every extension-page message is refused, and the entry is the background's
//   choice, not the payload's;
// - a trusted extension page sending an unknown type or a malformed payload gets a refusal and
//   nothing changes.
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { IAMOFFICE_URL, describeEachBrowser, waitForLoadSettled } from "./harness";
import { freshGoto } from "./flows";
import {
  ACME,
  BETA,
  evalInContentWorld,
  listEntries,
  seedVault,
  send,
  storageDump,
  until,
  vaultState,
} from "./adversarial-flows";

const OTHER_EXTENSION = fileURLToPath(
  new URL("../fixtures/hostile/other-extension", import.meta.url),
);
const SECRETS = [ACME.password, BETA.password, ACME.identifier, BETA.identifier];

interface Forgery {
  top: boolean;
  results: { label: string; response?: unknown; error?: string }[];
}

describeEachBrowser("adversarial: forged messages", (h, name) => {
  let ids: string[] = [];

  it("the IamOffice page's own scripts have no runtime API to message the extension", async () => {
    ids = await seedVault(h, { entries: [ACME, BETA] });
    const page = await freshGoto(h, IAMOFFICE_URL);
    await waitForLoadSettled(page);
    expect(
      await page.evaluate(() => {
        const g = globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } } & {
          browser?: unknown;
        };
        return [typeof g.chrome?.runtime?.sendMessage, typeof g.browser];
      }),
    ).toEqual(["undefined", "undefined"]);
  });

  it("another extension's content script on the real IamOffice page gets no answer, whatever it sends", async () => {
    const before = await storageDump(h);
    await h.browser.installExtension(OTHER_EXTENSION);
    const url = `${IAMOFFICE_URL}?forge=${encodeURIComponent(h.extensionId)}`;
    const page = await freshGoto(h, url);
    const raw = await until(
      "the other extension's report",
      () => page.evaluate(() => document.documentElement.dataset.forgery),
      { timeout: 60_000 },
    );
    const forgery = JSON.parse(raw ?? "{}") as Forgery;
    // The forger really ran, in the top frame of the real origin, and tried everything.
    expect(forgery.top).toBe(true);
    expect(forgery.results.length).toBe(15);
    for (const r of forgery.results) {
      // Every attempt fails to reach us: an error, or a port closed without a single reply.
      const closedPort =
        r.label === "connect" &&
        (r.response as { disconnected?: boolean; replies?: unknown[] }).disconnected === true &&
        (r.response as { replies: unknown[] }).replies.length === 0;
      expect(closedPort || typeof r.error === "string", `${r.label}: ${JSON.stringify(r)}`).toBe(
        true,
      );
    }
    for (const secret of SECRETS) expect(raw).not.toContain(secret);
    // Nothing it asked for happened: still unlocked, same vault, no save prompt, no reset.
    const after = await storageDump(h);
    expect(after.local.vault).toEqual(before.local.vault);
    expect(after.session.vaultKey).toBe(before.session.vaultKey);
    expect(after.session.pendingSave).toBeUndefined();
    expect(await vaultState(h)).toBe("unlocked");
  });

  it.runIf(name === "chromium")(
    "our content script's world may not use any extension-page message (Chromium: CDP reaches that world)",
    async () => {
      const page = await freshGoto(h, `${IAMOFFICE_URL}#${ACME.workspace}`);
      await waitForLoadSettled(page);
      const replies = await evalInContentWorld<Record<string, unknown>>(
        page,
        h.extensionOrigin,
        `async () => {
          const ask = (type, payload) => chrome.runtime.sendMessage({ type, payload }).catch((e) => String(e));
          const out = {};
          out.runtimeId = chrome.runtime.id;
          for (const [type, payload] of [
            ["entries.list"],
            ["entries.get", { id: ${JSON.stringify(ids[1] ?? "")} }],
            ["vault.exportRaw"],
            ["backup.export", { password: "attacker" }],
            ["pendingSave.get"],
            ["status.get"],
            ["popup.open"],
            ["settings.get"],
            ["settings.set", { patch: { autofillOnLoad: true, submitAfterAutofill: true } }],
            ["login.oneClick", { id: ${JSON.stringify(ids[1] ?? "")} }],
            ["vault.lock"],
            ["vault.reset", { confirmation: "RESET" }],
            ["vault.unlock", { password: "x" }],
            ["nope.nothing"],
          ]) out[type] = await ask(type, payload);
          return out;
        }`,
      );
      expect(replies.runtimeId).toBe(h.extensionId);
      const { runtimeId: _id, ...rest } = replies;
      for (const [type, reply] of Object.entries(rest)) {
        const want = type === "nope.nothing" ? "unknown_message" : "forbidden";
        expect(reply, type).toEqual({ ok: false, error: want });
      }
      expect(await vaultState(h)).toBe("unlocked");
      const list = await listEntries(h);
      expect(list.ok && list.value.entries.length).toBe(2);
    },
  );

  it.runIf(name === "chromium")(
    "our content script's world cannot choose which entry is filled: the payload is ignored",
    async () => {
      // The page is https://soft.iamoffice.net/#demo: the background picks Acme (workspace demo).
      const page = await freshGoto(h, `${IAMOFFICE_URL}#${ACME.workspace}`);
      await waitForLoadSettled(page);
      const replies = await evalInContentWorld<unknown[]>(
        page,
        h.extensionOrigin,
        `async () => {
          const beta = ${JSON.stringify({ id: ids[1] ?? "", workspace: BETA.workspace, identifier: BETA.identifier })};
          const forged = [
            { entryId: beta.id },
            { id: beta.id, workspace: beta.workspace, identifier: beta.identifier },
            { url: "https://soft.iamoffice.net/#" + beta.workspace, tab: { url: "https://soft.iamoffice.net/#" + beta.workspace } },
            "#" + beta.workspace + "&login=" + beta.identifier,
          ];
          const out = [];
          for (const payload of forged) {
            out.push(await chrome.runtime.sendMessage({ type: "content.requestFill", payload }).catch((e) => String(e)));
          }
          return out;
        }`,
      );
      expect(replies.length).toBe(4);
      for (const reply of replies) {
        const text = JSON.stringify(reply);
        expect(text).not.toContain(BETA.password);
        expect(text).not.toContain(BETA.identifier);
      }
      // The legitimate answer for this page is Acme (or nothing): never the forged choice.
      const fills = replies
        .map((r) => (r as { fill?: { workspace?: string } | null }).fill)
        .filter((f) => f);
      expect(fills.length, "the request path itself works").toBeGreaterThan(0);
      for (const fill of fills) expect(fill?.workspace).toBe(ACME.workspace);
    },
  );

  it.runIf(name === "chromium")(
    "our content script's world cannot read storage.session, and reads nothing secret in storage.local",
    async () => {
      const page = await freshGoto(h, IAMOFFICE_URL);
      await waitForLoadSettled(page);
      const seen = await evalInContentWorld<{ session: string; local: string }>(
        page,
        h.extensionOrigin,
        `async () => ({
          session: await chrome.storage.session.get(null).then(
            (v) => "answered: " + JSON.stringify(v),
            (e) => "refused: " + String(e && e.message || e),
          ),
          local: JSON.stringify(await chrome.storage.local.get(null)),
        })`,
      );
      expect(seen.session).toMatch(/^refused: /);
      // storage.local is open to content scripts by design: it must hold only ciphertext.
      expect(seen.local).toContain('"vault"');
      for (const secret of SECRETS) expect(seen.local).not.toContain(secret);
    },
  );

  // A trusted sender with a broken request: refused with the right code, nothing changes.
  const BAD: [string, unknown, string][] = [
    ["an unknown type", { type: "entries.dump" }, "unknown_message"],
    ["a prototype key as type", { type: "__proto__" }, "unknown_message"],
    ["an Object method as type", { type: "toString" }, "unknown_message"],
    ["no type", { payload: {} }, "unknown_message"],
    ["a string", "entries.list", "malformed"],
    ["null", null, "malformed"],
    ["an array", ["entries.list"], "malformed"],
    ["a number", 42, "malformed"],
    ["a content-script message from a page", { type: "content.requestFill" }, "forbidden"],
    ["save without payload", { type: "entries.save" }, "malformed"],
    [
      "save with a string revision",
      { type: "entries.save", payload: { input: {}, revision: "1" } },
      "malformed",
    ],
    [
      "save with a numeric id",
      { type: "entries.save", payload: { id: 5, input: {}, revision: 1 } },
      "malformed",
    ],
    ["get with a numeric id", { type: "entries.get", payload: { id: 5 } }, "malformed"],
    ["delete without revision", { type: "entries.delete", payload: { id: "x" } }, "malformed"],
    ["unlock with a number", { type: "vault.unlock", payload: { password: 42 } }, "malformed"],
    ["create with an array", { type: "vault.create", payload: ["a", "a"] }, "malformed"],
    [
      "one-click with newTab as text",
      { type: "login.oneClick", payload: { id: "x", newTab: "yes" } },
      "malformed",
    ],
    [
      "import with an unknown mode",
      { type: "backup.import", payload: { text: "{}", password: "p", mode: "wipe", revision: 1 } },
      "malformed",
    ],
    ["export without password", { type: "backup.export", payload: {} }, "malformed"],
    ["settings without patch object", { type: "settings.set", payload: "x" }, "malformed"],
    [
      "settings with a bad value",
      { type: "settings.set", payload: { patch: { idleTimeoutMinutes: -1 } } },
      "invalid_settings",
    ],
    [
      "settings with an unknown key",
      { type: "settings.set", payload: { patch: { vaultKey: "x" } } },
      "invalid_settings",
    ],
    [
      "an entry with control characters",
      {
        type: "entries.save",
        payload: {
          input: { name: "", workspace: "a\u0000b", identifier: "c", password: "d" },
          revision: -1,
        },
      },
      "stale_revision",
    ],
    [
      "a reset without the word",
      { type: "vault.reset", payload: { confirmation: "yes" } },
      "reset_confirmation",
    ],
  ];

  it.each(BAD)(
    "an extension page sending %s gets a refusal and changes nothing",
    async (_, message, error) => {
      const before = await storageDump(h);
      const reply = await send<{ ok: boolean; error?: string }>(h, message);
      expect(reply).toMatchObject({ ok: false, error });
      const after = await storageDump(h);
      expect(after.local).toEqual(before.local);
      expect(after.session.vaultKey).toBe(before.session.vaultKey);
    },
  );

  it("an entry with control characters is refused field by field at the current revision", async () => {
    const list = await listEntries(h);
    if (!list.ok) throw new Error(list.error);
    const reply = await send(h, {
      type: "entries.save",
      payload: {
        input: { name: "", workspace: "a\u0000b", identifier: "c\n", password: "d" },
        revision: list.value.revision,
      },
    });
    expect(reply).toMatchObject({
      ok: false,
      error: "invalid_entry",
      fields: { workspace: "control_chars" },
    });
    const again = await listEntries(h);
    expect(again.ok && again.value.revision).toBe(list.value.revision);
  });
});
