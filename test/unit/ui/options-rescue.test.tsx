import { describe, expect, it } from "vitest";
import { RescueSection } from "../../../options/rescue-section";
import { parseRescueText } from "../../../options/rescue-parse";
import { passwordBookmarks } from "../../../options/bookmarks";
import type { BookmarkHit } from "../../../options/types";
import { button, click, field, mount, pageText, queryButton, type } from "./helpers";
import { entryActions, rescueActions } from "./options-fixtures";

const PASTE = [
  "https://soft.iamoffice.net/#ACME&login=jdoe&password=Sup3r%26secret",
  "soft.iamoffice.net#BETA&login=marie",
  "https://evil.example/#X&login=a&password=leaked",
  "soft.iamoffice.net#GAMMA",
].join("\n");

describe("options: rescue from pasted bookmarks", () => {
  it("previews what will be created, never showing a password", async () => {
    const root = await mount(
      <RescueSection
        actions={rescueActions({ parse: parseRescueText })}
        save={entryActions().save}
      />,
    );
    await type(field<HTMLTextAreaElement>(root, "IamOffice addresses"), PASTE);
    const rows = [...root.querySelectorAll("table.rescue tbody tr")].map((tr) =>
      [...tr.querySelectorAll("td")].map((td) => td.textContent),
    );
    expect(rows).toHaveLength(3);
    expect(rows[0]?.slice(1, 3)).toEqual(["ACME", "jdoe"]);
    expect(rows[0]?.[3]).toContain("••••");
    expect(rows[1]?.[3]).toContain("No password: you’ll enter it");
    expect(rows[2]?.[1]).toBe("GAMMA");
    expect(pageText(root)).toContain("Line 3 is not an IamOffice address");
    // Neither the rescued password nor the lookalike's leaks into the page.
    expect(root.innerHTML).not.toContain("Sup3r");
    expect(root.innerHTML).not.toContain("leaked");
    expect(button(root, "Import selected (3)")).toBeTruthy();
  });

  it("asks inline for what is missing, then imports the selected lines", async () => {
    const entries = entryActions();
    const root = await mount(
      <RescueSection actions={rescueActions({ parse: parseRescueText })} save={entries.save} />,
    );
    await type(field<HTMLTextAreaElement>(root, "IamOffice addresses"), PASTE);
    // Line 4 (GAMMA) is left out.
    await click(field(root, "Import line 4"));
    await click(button(root, "Import selected (2)"));
    // Line 2 has no password yet: not sent, explained.
    expect(entries.save).toHaveBeenCalledTimes(1);
    expect(entries.save).toHaveBeenCalledWith({
      input: { name: "", workspace: "ACME", identifier: "jdoe", password: "Sup3r&secret" },
    });
    expect(pageText(root)).toContain("Enter the identifier and the password first.");
    await type(field(root, "Password for line 2"), "typed-pw");
    await click(button(root, "Import selected (1)"));
    expect(entries.save).toHaveBeenLastCalledWith({
      input: { name: "", workspace: "BETA", identifier: "marie", password: "typed-pw" },
    });
    expect(pageText(root)).toContain("1 imported, 0 not imported.");
  });

  it("a duplicate is reported on its line", async () => {
    const entries = entryActions({
      save: () => Promise.resolve({ ok: false, error: "duplicate_entry", detail: "Acme" }),
    });
    const root = await mount(
      <RescueSection actions={rescueActions({ parse: parseRescueText })} save={entries.save} />,
    );
    await type(
      field<HTMLTextAreaElement>(root, "IamOffice addresses"),
      "soft.iamoffice.net#ACME&login=jdoe&password=x",
    );
    await click(button(root, "Import selected (1)"));
    expect(pageText(root)).toContain("already saved as “Acme”");
  });
});

describe("options: bookmarks holding passwords", () => {
  const hit: BookmarkHit = {
    id: "b1",
    title: "IamOffice ACME",
    url: "https://soft.iamoffice.net/#ACME&login=jdoe&password=pw1",
    safeUrl: "https://soft.iamoffice.net/#ACME&login=jdoe",
    workspace: "ACME",
    identifier: "jdoe",
    password: "pw1",
  };

  it("finds them, imports the selected ones, changes bookmarks only on request", async () => {
    const rescue = rescueActions({
      findBookmarks: () => Promise.resolve({ ok: true, hits: [hit] }),
    });
    const entries = entryActions();
    const root = await mount(<RescueSection actions={rescue} save={entries.save} />);
    await click(button(root, "Find bookmarks with passwords"));
    expect(pageText(root)).toContain("IamOffice ACME");
    expect(root.innerHTML).not.toContain("pw1");
    expect(rescue.stripBookmark).not.toHaveBeenCalled();
    expect(rescue.deleteBookmark).not.toHaveBeenCalled();
    await click(button(root, "Import the selected bookmarks (1)"));
    expect(entries.save).toHaveBeenCalledWith({
      input: { name: "IamOffice ACME", workspace: "ACME", identifier: "jdoe", password: "pw1" },
    });
    await click(button(root, "Delete the bookmark"));
    expect(rescue.deleteBookmark).not.toHaveBeenCalled();
    await click(button(root, "Cancel"));
    await click(button(root, "Remove the password from the bookmark"));
    expect(rescue.stripBookmark).toHaveBeenCalledWith(hit);
    expect(pageText(root)).toContain("Password removed from the bookmark.");
    expect(queryButton(root, "Delete the bookmark")).toBeUndefined();
  });

  it("a refused permission is said plainly", async () => {
    const rescue = rescueActions({
      findBookmarks: () => Promise.resolve({ ok: false, reason: "denied" }),
    });
    const root = await mount(<RescueSection actions={rescue} save={entryActions().save} />);
    await click(button(root, "Find bookmarks with passwords"));
    expect(pageText(root)).toContain("Permission refused: no bookmark was read.");
  });

  it("passwordBookmarks keeps only IamOffice bookmarks holding a password", () => {
    const tree = [
      {
        id: "root",
        title: "",
        children: [
          { id: "1", title: "with pw", url: "https://soft.iamoffice.net/#A&login=u&password=p" },
          { id: "2", title: "no pw", url: "https://soft.iamoffice.net/#A&login=u" },
          {
            id: "3",
            title: "lookalike",
            url: "https://soft.iamoffice.net.evil.test/#A&password=p",
          },
          {
            id: "4",
            title: "folder",
            children: [{ id: "5", title: "deep", url: "soft.iamoffice.net#B&password=q" }],
          },
        ],
      },
    ];
    const hits = passwordBookmarks(tree);
    expect(hits.map((h) => h.id)).toEqual(["1", "5"]);
    expect(hits[0]?.safeUrl).not.toContain("password");
  });
});

// ---------- a password that may go on after `&` ----------

const AMBIGUOUS = "soft.iamoffice.net#ACME&login=bob&password=Tr0ub&dor=4x";

/** A stand-in vault: what was saved, by account, read back by vaultHolds. */
function fakeVault(initial: Record<string, string> = {}) {
  const stored = new Map(Object.entries(initial));
  const key = (a: { workspace: string; identifier: string }) => `${a.workspace}/${a.identifier}`;
  const entries = entryActions({
    save: ({ input }) => {
      if (stored.has(key(input))) {
        return Promise.resolve({ ok: false, error: "duplicate_entry", detail: input.workspace });
      }
      stored.set(key(input), input.password);
      return Promise.resolve({ ok: true });
    },
  });
  const vaultHolds = (a: { workspace: string; identifier: string; password: string }) =>
    Promise.resolve(stored.get(key(a)) === a.password);
  return { stored, entries, vaultHolds, key };
}

describe("options: rescue of an ambiguous password", () => {
  it("parseRescueText offers both readings instead of a truncated password", () => {
    expect(parseRescueText(AMBIGUOUS)).toEqual([
      {
        ok: true,
        line: 1,
        workspace: "ACME",
        identifier: "bob",
        candidates: ["Tr0ub", "Tr0ub&dor=4x"],
        safeUrl: "soft.iamoffice.net#ACME&login=bob",
      },
    ]);
  });

  it("a pasted address shows the candidates and saves nothing until the user picks", async () => {
    const entries = entryActions();
    const root = await mount(
      <RescueSection actions={rescueActions({ parse: parseRescueText })} save={entries.save} />,
    );
    await type(field<HTMLTextAreaElement>(root, "IamOffice addresses"), AMBIGUOUS);
    expect(pageText(root)).toContain("Which one is the password? The address goes on after it:");
    const short = field(root, "Tr0ub");
    const long = field(root, "Tr0ub&dor=4x");
    expect([short.checked, long.checked]).toEqual([false, false]);
    await click(button(root, "Import selected (1)"));
    expect(entries.save).not.toHaveBeenCalled();
    expect(pageText(root)).toContain("Choose the password first.");
    await click(long);
    await click(button(root, "Import selected (1)"));
    expect(entries.save).toHaveBeenCalledWith({
      input: { name: "", workspace: "ACME", identifier: "bob", password: "Tr0ub&dor=4x" },
    });
    expect(pageText(root)).toContain("1 imported, 0 not imported.");
  });

  it("passwordBookmarks keeps an ambiguous bookmark, with its candidates", () => {
    const hits = passwordBookmarks([
      { id: "1", title: "amb", url: `https://${AMBIGUOUS}` },
      { id: "2", title: "tail, no password", url: "soft.iamoffice.net#A&login=u&password=&x" },
      { id: "3", title: "empty", url: "soft.iamoffice.net#A&login=u&password=" },
    ]);
    expect(hits.map((h) => [h.id, h.password, h.candidates])).toEqual([
      ["1", undefined, ["Tr0ub", "Tr0ub&dor=4x"]],
      ["2", undefined, ["&x"]],
    ]);
  });
});

describe("options: a bookmark is changed only once the vault holds its password", () => {
  const exact: BookmarkHit = {
    id: "b1",
    title: "IamOffice ACME",
    url: "https://soft.iamoffice.net/#ACME&login=jdoe&password=pw1",
    safeUrl: "https://soft.iamoffice.net/#ACME&login=jdoe",
    workspace: "ACME",
    identifier: "jdoe",
    password: "pw1",
  };
  const ambiguous: BookmarkHit = {
    id: "b2",
    title: "IamOffice BOB",
    url: `https://${AMBIGUOUS}`,
    safeUrl: "https://soft.iamoffice.net#ACME&login=bob",
    workspace: "ACME",
    identifier: "bob",
    candidates: ["Tr0ub", "Tr0ub&dor=4x"],
  };
  const STRIP = "Remove the password from the bookmark";
  const DELETE = "Delete the bookmark";

  async function finder(hits: BookmarkHit[], vault = fakeVault()) {
    const rescue = rescueActions({
      findBookmarks: () => Promise.resolve({ ok: true, hits }),
      vaultHolds: vault.vaultHolds,
    });
    const root = await mount(<RescueSection actions={rescue} save={vault.entries.save} />);
    await click(button(root, "Find bookmarks with passwords"));
    return { root, rescue, vault };
  }

  it("offers no change before the import, then once the vault holds the password", async () => {
    const { root, rescue } = await finder([exact]);
    expect(queryButton(root, STRIP)).toBeUndefined();
    expect(queryButton(root, DELETE)).toBeUndefined();
    await click(button(root, "Import the selected bookmarks (1)"));
    expect(rescue.vaultHolds).toHaveBeenLastCalledWith({
      workspace: "ACME",
      identifier: "jdoe",
      password: "pw1",
    });
    await click(button(root, STRIP));
    expect(rescue.stripBookmark).toHaveBeenCalledWith(exact);
  });

  it("offers it at once for a bookmark whose password the vault already holds", async () => {
    const { root } = await finder([exact], fakeVault({ "ACME/jdoe": "pw1" }));
    expect(queryButton(root, STRIP)).toBeTruthy();
  });

  it("a failed import (the account saved with another password) offers no change", async () => {
    const { root, rescue } = await finder([exact], fakeVault({ "ACME/jdoe": "another" }));
    await click(button(root, "Import the selected bookmarks (1)"));
    expect(pageText(root)).toContain("already saved as");
    expect(queryButton(root, STRIP)).toBeUndefined();
    expect(queryButton(root, DELETE)).toBeUndefined();
    expect(rescue.stripBookmark).not.toHaveBeenCalled();
    expect(rescue.deleteBookmark).not.toHaveBeenCalled();
  });

  it("checks the vault again at the click: a password changed meanwhile keeps the bookmark", async () => {
    const vault = fakeVault();
    const { root, rescue } = await finder([exact], vault);
    await click(button(root, "Import the selected bookmarks (1)"));
    vault.stored.set("ACME/jdoe", "edited since");
    await click(button(root, DELETE));
    await click(button(root, DELETE)); // the confirmation
    expect(rescue.deleteBookmark).not.toHaveBeenCalled();
    expect(pageText(root)).toContain("The vault does not hold this bookmark’s password");
    expect(queryButton(root, DELETE)).toBeUndefined();
  });

  it("an ambiguous bookmark imports only the candidate picked, and is kept unless that is its full text", async () => {
    const { root, rescue, vault } = await finder([ambiguous]);
    expect(pageText(root)).toContain("Tr0ub&dor=4x");
    expect(button(root, "Import the selected bookmarks (0)").disabled).toBe(true);
    await click(field(root, "Tr0ub"));
    await click(button(root, "Import the selected bookmarks (1)"));
    expect(vault.stored.get("ACME/bob")).toBe("Tr0ub");
    // The bookmark's full text is not in the vault: changing it would lose "&dor=4x".
    expect(rescue.vaultHolds).toHaveBeenLastCalledWith({
      workspace: "ACME",
      identifier: "bob",
      password: "Tr0ub&dor=4x",
    });
    expect(queryButton(root, STRIP)).toBeUndefined();
    expect(pageText(root)).toContain("The bookmark is left as it is");
  });

  it("an ambiguous bookmark whose full text was picked can be cleaned", async () => {
    const { root, rescue, vault } = await finder([ambiguous]);
    await click(field(root, "Tr0ub&dor=4x"));
    await click(button(root, "Import the selected bookmarks (1)"));
    expect(vault.stored.get("ACME/bob")).toBe("Tr0ub&dor=4x");
    await click(button(root, STRIP));
    expect(rescue.stripBookmark).toHaveBeenCalledWith(ambiguous);
    expect(pageText(root)).toContain("Password removed from the bookmark.");
  });
});
