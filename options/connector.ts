// The only options module that talks to the background: it loads vault state, entries and
// settings, keeps the vault revision for optimistic concurrency, and turns intents into
// protocol messages. Sections get plain {data, actions}.
import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import { send } from "../src/messaging";
import type { Failure } from "../src/protocol";
import { t } from "../src/i18n";
import { findDuplicate } from "../src/entries/rules";
import { copyText } from "../src/ui/clipboard";
import { downloadText, isoDay } from "../src/ui/download";
import { settle, toFailure } from "../src/ui/failure";
import { deleteBookmark, findPasswordBookmarks, stripBookmarkPassword } from "./bookmarks";
import { parseRescueText } from "./rescue-parse";
import { fieldMapActions } from "./field-map-actions";
import { passkeyActions } from "./passkey-actions";
import { unlockWithPasskey } from "../src/ui/passkey-unlock";
import type { OptionsActions, OptionsData, OptionsProps, Strength } from "./types";

type StrengthModule = typeof import("../src/ui/password-strength");
// zxcvbn and its dictionaries weigh ~1 MB: loaded only when a master password is being chosen.
let strengthModule: Promise<StrengthModule> | null = null;

/** The master password's rule; a new backup password is held to it too. */
async function checkStrength(password: string, userInputs: string[] = []): Promise<Strength> {
  try {
    const mod = await (strengthModule ??= import("../src/ui/password-strength"));
    return {
      ...mod.checkMasterPassword(password, { userInputs }),
      minLength: mod.MIN_MASTER_LENGTH,
    };
  } catch {
    // Checker failed to load: the background still enforces its own length rule.
    strengthModule = null;
    return { ok: true, minLength: 0 };
  }
}

export function useOptionsConnector(): OptionsProps {
  const [data, setData] = useState<OptionsData>({
    vault: null,
    loadError: null,
    entries: [],
    listError: null,
    settings: null,
  });
  const revision = useRef(0);

  const readList = useCallback(async () => {
    const list = await settle(send("entries.list"));
    if (list.ok) revision.current = list.value.revision;
    return (d: OptionsData): OptionsData => ({
      ...d,
      entries: list.ok ? list.value.entries : d.entries,
      listError: list.ok ? null : list,
    });
  }, []);

  const loadEntries = useCallback(async () => setData(await readList()), [readList]);

  const refresh = useCallback(async () => {
    let vault;
    try {
      vault = await send("vault.status");
    } catch (error) {
      return setData((d) => ({ ...d, loadError: toFailure(error) }));
    }
    if (vault.state !== "unlocked") {
      return setData((d) => ({ ...d, vault, loadError: null, entries: [], settings: null }));
    }
    // The unlocked page shows once, with its list: not "no workspace" (and the welcome card)
    // for a moment before the saved ones arrive.
    const [settings, withList] = await Promise.all([
      send("settings.get").catch(() => null),
      readList(),
    ]);
    setData((d) => withList({ ...d, vault, loadError: null, settings }));
  }, [readList]);

  useEffect(() => {
    void refresh();
    // Coming back to the tab: the popup may have locked the vault or added a workspace.
    const onVisible = () => {
      if (document.visibilityState === "visible") void refresh();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [refresh]);

  const actions = useMemo<OptionsActions>(() => {
    /** Failures that mean our picture is out of date: reload the relevant part. */
    const after = <R extends { ok: boolean }>(r: R | Failure): R | Failure => {
      if (r.ok) return r;
      const f = r as Failure;
      if (f.error === "locked" || f.error === "no_vault" || f.error === "corrupt") void refresh();
      if (f.error === "stale_revision" || f.error === "not_found") void loadEntries();
      return f;
    };
    return {
      vault: {
        async create(password, confirm) {
          const r = await settle(send("vault.create", { password, confirm }));
          if (r.ok) await refresh();
          return r;
        },
        async unlock(password) {
          const r = await settle(send("vault.unlock", { password }));
          if (r.ok) await refresh();
          return r;
        },
        async unlockWithPasskey(requests) {
          const r = await unlockWithPasskey(requests);
          if (r.ok) await refresh();
          return r;
        },
        async lock() {
          const r = await settle(send("vault.lock"));
          await refresh();
          return r;
        },
        changePassword: async (request) =>
          after(await settle(send("vault.changePassword", request))),
        async reset(confirmation) {
          const r = await settle(send("vault.reset", { confirmation }));
          if (r.ok) await refresh();
          return r;
        },
        async downloadRaw() {
          const r = await settle(send("vault.exportRaw"));
          if (!r.ok) return r;
          downloadText(`iamoffice-login-raw-${isoDay()}.json`, r.value);
          return { ok: true };
        },
        checkStrength,
      },
      passkeys: passkeyActions,
      fieldMaps: fieldMapActions,
      entries: {
        get: async (id) => after(await settle(send("entries.get", { id }))),
        revision: () => revision.current,
        async save({ id, input, revision: base }) {
          const payload = { input, revision: base ?? revision.current };
          let r = await settle(send("entries.save", id ? { ...payload, id } : payload));
          if (!r.ok && r.error === "stale_revision" && !id) {
            // A new workspace cannot undo a change made elsewhere (the background refuses a
            // duplicate account at any revision): it is saved on the list as it is now. This
            // also covers a form opened before the page had loaded the list at all.
            await loadEntries();
            r = await settle(send("entries.save", { input, revision: revision.current }));
          }
          if (!r.ok && r.error === "stale_revision") {
            // Show what changed elsewhere before the user decides again (the form keeps
            // their text and takes the new revision: see workspaces-section.tsx).
            await loadEntries();
            return r;
          }
          if (!r.ok) return after(r);
          revision.current = r.value.revision;
          await loadEntries();
          return { ok: true };
        },
        async remove(id) {
          const r = await settle(send("entries.delete", { id, revision: revision.current }));
          if (!r.ok) return after(r);
          revision.current = r.value.revision;
          await loadEntries();
          return { ok: true };
        },
        copy: async (value) => ((await copyText(value)) ? t("copiedPassword") : t("copyFailed")),
      },
      settings: {
        async set(patch) {
          const r = await settle(send("settings.set", { patch }));
          if (r.ok) setData((d) => ({ ...d, settings: r.value }));
          return after(r);
        },
      },
      backup: {
        checkStrength,
        async exportTo(password) {
          const r = await settle(send("backup.export", { password }));
          if (!r.ok) return after(r);
          const filename = `iamoffice-login-backup-${isoDay()}.json`;
          downloadText(filename, r.value);
          return { ok: true, value: filename };
        },
        async importFrom(request) {
          const r = await settle(send("backup.import", { ...request, revision: revision.current }));
          if (r.ok && r.value.status === "done") await loadEntries();
          return after(r);
        },
      },
      rescue: {
        parse: parseRescueText,
        findBookmarks: findPasswordBookmarks,
        stripBookmark: stripBookmarkPassword,
        deleteBookmark,
        async vaultHolds(account) {
          // Read back from the vault: the same account rule as saves, then the exact password.
          const list = await settle(send("entries.list"));
          if (!list.ok) return false;
          const entry = findDuplicate(list.value.entries, account);
          if (!entry) return false;
          const stored = await settle(send("entries.get", { id: entry.id }));
          return stored.ok && stored.value.password === account.password;
        },
      },
    };
  }, [refresh, loadEntries]);

  return { data, actions };
}
