import { describe, expect, it, vi } from "vitest";
import { act } from "preact/test-utils";
import { BackupSection } from "../../../options/backup-section";
import { MAX_BACKUP_BYTES } from "../../../options/backup-import";
import { button, click, field, mount, pageText, type } from "./helpers";
import { backupActions } from "./options-fixtures";
import type { BackupActions } from "../../../options/types";

async function chooseFile(input: HTMLInputElement, file: File) {
  await act(() => {
    Object.defineProperty(input, "files", { value: [file], configurable: true });
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });
}

const backupFile = (text = '{"format":"iamoffice-login-backup"}') =>
  new File([text], "backup.json", { type: "application/json" });

describe("options: backup", () => {
  it("export asks for a password twice and reports the file name", async () => {
    const actions = backupActions();
    const root = await mount(<BackupSection actions={actions} count={2} />);
    await type(field(root, "Export password (your master password or another one)"), "abc-def-ghi");
    await type(field(root, "Confirm export password"), "abc-def-ghj");
    await click(button(root, "Export"));
    expect(actions.exportTo).not.toHaveBeenCalled();
    expect(pageText(root)).toContain("The two passwords are different.");
    await type(field(root, "Confirm export password"), "abc-def-ghi");
    await click(button(root, "Export"));
    expect(actions.exportTo).toHaveBeenCalledWith("abc-def-ghi");
    expect(pageText(root)).toContain("Backup saved as iamoffice-login-backup-2025-01-02.json.");
  });

  it("export holds a new password to the master password's rule, and says so", async () => {
    const actions = backupActions();
    const root = await mount(<BackupSection actions={actions} count={2} />);
    const password = field(root, "Export password (your master password or another one)");
    for (const [typed, message] of [
      ["x", "Too short: use at least 10 characters."],
      ["password-1234", "Too easy to guess."],
    ] as const) {
      await type(password, typed);
      await type(field(root, "Confirm export password"), typed);
      await click(button(root, "Export"));
      expect(actions.exportTo, typed).not.toHaveBeenCalled();
      expect(pageText(root), typed).toContain(message);
      expect(password.getAttribute("aria-invalid"), typed).toBe("true");
    }
    expect(actions.checkStrength).toHaveBeenCalledWith("x", undefined);
  });

  it("export shows the background's refusal on the field (checker not loaded)", async () => {
    const actions = backupActions({
      checkStrength: () => Promise.resolve({ ok: true, minLength: 0 }),
      exportTo: () =>
        Promise.resolve({
          ok: false,
          error: "weak_password",
          fields: { password: "too_short" },
        }),
    });
    const root = await mount(<BackupSection actions={actions} count={2} />);
    await type(field(root, "Export password (your master password or another one)"), "x");
    await type(field(root, "Confirm export password"), "x");
    await click(button(root, "Export"));
    expect(pageText(root)).toContain("This password is too easy to guess. Choose a longer one.");
    expect(pageText(root)).toContain("Too short.");
    expect(pageText(root)).not.toContain("Backup saved");
  });

  it("import never applies the rule: an existing backup's password is sent as typed", async () => {
    const actions = backupActions();
    const root = await mount(<BackupSection actions={actions} count={2} />);
    await chooseFile(field(root, "Backup file"), backupFile("BACKUP-TEXT"));
    await type(field(root, "Backup password"), "x");
    await click(button(root, "Import"));
    expect(actions.importFrom).toHaveBeenCalledWith(expect.objectContaining({ password: "x" }));
    expect(actions.checkStrength).not.toHaveBeenCalled();
    expect(pageText(root)).not.toContain("Too short");
  });

  it("import merges by default and shows the report", async () => {
    const actions = backupActions();
    const root = await mount(<BackupSection actions={actions} count={2} />);
    await chooseFile(field(root, "Backup file"), backupFile("BACKUP-TEXT"));
    await type(field(root, "Backup password"), "pw");
    await click(button(root, "Import"));
    expect(actions.importFrom).toHaveBeenCalledWith({
      text: "BACKUP-TEXT",
      password: "pw",
      mode: "merge",
    });
    expect(pageText(root)).toContain("Import done: 3 added, 1 updated, 2 skipped.");
  });

  it("the report says, per account, which password was kept and why", async () => {
    const actions = backupActions({
      importFrom: () =>
        Promise.resolve({
          ok: true,
          value: {
            status: "done",
            report: {
              added: 0,
              updated: 1,
              skipped: 1,
              details: [
                { name: "Acme", workspace: "acme", identifier: "marie", outcome: "kept_newer" },
                { name: "", workspace: "beta", identifier: "jean", outcome: "took_newer" },
              ],
            },
          },
        }),
    });
    const root = await mount(<BackupSection actions={actions} count={2} />);
    await chooseFile(field(root, "Backup file"), backupFile());
    await type(field(root, "Backup password"), "pw");
    await click(button(root, "Import"));
    const text = pageText(root);
    expect(text).toContain("Import done: 0 added, 1 updated, 1 skipped.");
    expect(text).toContain("Acme (acme · marie): kept yours, newer than the backup’s.");
    expect(text).toContain("beta (beta · jean): took the backup’s, newer than yours.");
  });

  it("an unclear conflict is shown before anything is written, and imported with the user's choice", async () => {
    const conflict = {
      id: "v1",
      name: "Acme",
      workspace: "acme",
      identifier: "marie",
      yoursUpdatedAt: 1_767_398_400_000,
      backupUpdatedAt: 1_767_398_400_000,
    };
    const importFrom = vi.fn<BackupActions["importFrom"]>((request) =>
      Promise.resolve(
        request.choices
          ? {
              ok: true,
              value: {
                status: "done",
                report: {
                  added: 0,
                  updated: 1,
                  skipped: 0,
                  details: [{ ...conflict, outcome: "took_chosen" }],
                },
              },
            }
          : { ok: true, value: { status: "conflicts", conflicts: [conflict] } },
      ),
    );
    const root = await mount(<BackupSection actions={backupActions({ importFrom })} count={2} />);
    await chooseFile(field(root, "Backup file"), backupFile("BACKUP-TEXT"));
    await type(field(root, "Backup password"), "pw");
    await click(button(root, "Import"));
    expect(pageText(root)).toContain("Choose before importing");
    expect(pageText(root)).toContain("Acme (acme · marie)");
    expect(pageText(root)).not.toContain("Import done");
    // Nothing chosen in advance: confirming first is refused, and said.
    const mine = field(root, "Keep mine");
    const theirs = field(root, "Take the backup’s");
    expect([mine.checked, theirs.checked]).toEqual([false, false]);
    await click(button(root, "Import with these choices"));
    expect(importFrom).toHaveBeenCalledTimes(1);
    expect(pageText(root)).toContain("Choose for each workspace first.");
    await click(theirs);
    await click(button(root, "Import with these choices"));
    expect(importFrom).toHaveBeenLastCalledWith({
      text: "BACKUP-TEXT",
      password: "pw",
      mode: "merge",
      choices: { v1: "backup" },
    });
    expect(pageText(root)).toContain("Acme (acme · marie): took the backup’s, as you chose.");
    expect(pageText(root)).not.toContain("Choose before importing");
  });

  it("cancelling a conflict imports nothing", async () => {
    const importFrom = vi.fn<BackupActions["importFrom"]>(() =>
      Promise.resolve({
        ok: true,
        value: {
          status: "conflicts",
          conflicts: [
            {
              id: "v1",
              name: "",
              workspace: "acme",
              identifier: "marie",
              yoursUpdatedAt: 0,
              backupUpdatedAt: 5,
            },
          ],
        },
      }),
    );
    const root = await mount(<BackupSection actions={backupActions({ importFrom })} count={2} />);
    await chooseFile(field(root, "Backup file"), backupFile());
    await type(field(root, "Backup password"), "pw");
    await click(button(root, "Import"));
    expect(pageText(root)).toContain("Your password last changed: unknown.");
    await click(button(root, "Cancel"));
    expect(pageText(root)).not.toContain("Choose before importing");
    expect(importFrom).toHaveBeenCalledTimes(1);
  });

  it("an import error is shown and the form keeps its values", async () => {
    const actions = backupActions({
      importFrom: () => Promise.resolve({ ok: false, error: "backup_wrong_password" }),
    });
    const root = await mount(<BackupSection actions={actions} count={2} />);
    await chooseFile(field(root, "Backup file"), backupFile());
    await type(field(root, "Backup password"), "bad");
    await click(button(root, "Import"));
    expect(pageText(root)).toContain(
      "Wrong password, or the backup file has been altered. Nothing was imported.",
    );
    expect(pageText(root)).not.toContain("Import done");
    expect(field(root, "Backup password").value).toBe("bad");
  });

  it("replace asks for confirmation first", async () => {
    const actions = backupActions();
    const root = await mount(<BackupSection actions={actions} count={4} />);
    await chooseFile(field(root, "Backup file"), backupFile());
    await type(field(root, "Backup password"), "pw");
    await click(field(root, "Replace: keep only the backup’s workspaces"));
    await click(button(root, "Import"));
    expect(actions.importFrom).not.toHaveBeenCalled();
    expect(pageText(root)).toContain("Replace your 4 saved workspaces");
    await click(button(root, "Replace my workspaces"));
    expect(actions.importFrom).toHaveBeenCalledWith(expect.objectContaining({ mode: "replace" }));
  });

  it("a file over 5 MB is refused before reading it", async () => {
    const actions = backupActions();
    const root = await mount(<BackupSection actions={actions} count={0} />);
    await chooseFile(field(root, "Backup file"), backupFile("x".repeat(MAX_BACKUP_BYTES + 1)));
    expect(pageText(root)).toContain("This file is too large to be a backup (5 MB maximum).");
    await type(field(root, "Backup password"), "pw");
    await click(button(root, "Import"));
    expect(actions.importFrom).not.toHaveBeenCalled();
  });
});
