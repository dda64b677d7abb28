// Handlers for trusted extension pages (popup, options). Payloads are still validated: a page
// bug must produce a clear refusal, not a corrupted vault.
import type { ImportChoice } from "../entries/merge";
import { isBoolean, isInteger as int, isRecord, isString as str } from "../guards";
import { tMaybe } from "../i18n";
import type { PageMessages, ResponseOf } from "../protocol";
import { fail } from "../result";
import { afterLock, afterReset, afterUnlock } from "./after-vault-change";
import { exportBackupFile, importBackup } from "./backup";
import { refreshBadge } from "./badge";
import { oneClickLogin } from "./login";
import { answerPendingSave, dismissPendingSave, pendingSaveInput } from "./save-offer";
import { getSettings, setSettings } from "./settings-store";
import { statusSnapshot } from "./status";
import * as vault from "./vault";
import { forgetFieldMap, listFieldMaps, startTeach } from "./field-maps";
import { detectionReport } from "./report";

type Handlers = {
  [K in keyof PageMessages]: (payload: unknown) => Promise<ResponseOf<PageMessages, K>>;
};

const malformed = fail("malformed");
const obj = (p: unknown): Record<string, unknown> | null => (isRecord(p) ? p : null);
/** `{ [entryId]: "mine" | "backup" }` as a Map (no prototype keys), or null when malformed. */
function importChoices(raw: unknown): Map<string, ImportChoice> | null {
  if (raw === undefined) return new Map();
  const o = obj(raw);
  if (!o) return null;
  const out = new Map<string, ImportChoice>();
  for (const [id, choice] of Object.entries(o)) {
    if (choice !== "mine" && choice !== "backup") return null;
    out.set(id, choice);
  }
  return out;
}

export const pageHandlers: Handlers = {
  "vault.status": () => vault.status(),

  "vault.create": async (p) => {
    const o = obj(p);
    if (!o || !str(o.password) || !str(o.confirm)) return malformed;
    const r = await vault.create(o.password, o.confirm);
    if (r.ok) await afterUnlock();
    return r;
  },

  "vault.unlock": async (p) => {
    const o = obj(p);
    if (!o || !str(o.password)) return malformed;
    const r = await vault.unlock(o.password);
    if (r.ok) await afterUnlock();
    return r;
  },

  "passkey.unlock": async (p) => {
    const o = obj(p);
    if (!o || !str(o.credentialId) || !str(o.prf)) return malformed;
    const r = await vault.unlockWithPasskey(o.credentialId, o.prf);
    if (r.ok) await afterUnlock();
    return r;
  },

  "passkey.list": () => vault.listPasskeys(),

  "passkey.checkPassword": async (p) => {
    const o = obj(p);
    return o && str(o.password) ? vault.checkPassword(o.password) : malformed;
  },

  "passkey.add": async (p) => {
    const o = obj(p);
    if (!o || !str(o.password) || !str(o.credentialId) || !str(o.salt)) return malformed;
    if (!str(o.prf) || !str(o.name)) return malformed;
    const { password, credentialId, salt, prf, name } = o;
    return vault.addPasskey({ password, credentialId, salt, prf, name });
  },

  "passkey.remove": async (p) => {
    const o = obj(p);
    return o && str(o.credentialId) ? vault.removePasskey(o.credentialId) : malformed;
  },

  "vault.lock": async () => {
    const r = await vault.lock();
    await afterLock();
    return r;
  },

  "vault.changePassword": async (p) => {
    const o = obj(p);
    if (!o || !str(o.current) || !str(o.next) || !str(o.confirm)) return malformed;
    return vault.changePassword(o.current, o.next, o.confirm);
  },

  "vault.reset": async (p) => {
    const o = obj(p);
    if (!o || !str(o.confirmation)) return malformed;
    const expected = tMaybe("resetConfirmWord") ?? "RESET";
    if (o.confirmation.trim().toLocaleUpperCase() !== expected.toLocaleUpperCase()) {
      return { ok: false, error: "reset_confirmation", detail: expected };
    }
    const r = await vault.reset();
    await afterReset();
    return r;
  },

  "vault.exportRaw": () => vault.exportRaw(),

  "entries.list": () => vault.list(),

  "entries.get": async (p) => {
    const o = obj(p);
    return o && str(o.id) ? vault.get(o.id) : malformed;
  },

  "entries.save": async (p) => {
    const o = obj(p);
    if (!o || !int(o.revision) || (o.id !== undefined && !str(o.id))) return malformed;
    const r = await vault.save({
      id: o.id,
      input: o.input,
      revision: o.revision,
    });
    // Saving what the save prompt offered answers the prompt.
    const input = obj(o.input);
    if (r.ok && input && str(input.workspace) && str(input.identifier)) {
      const answered = await answerPendingSave({
        workspace: input.workspace,
        identifier: input.identifier,
      });
      if (answered) await refreshBadge();
    }
    return r;
  },

  "entries.delete": async (p) => {
    const o = obj(p);
    if (!o || !str(o.id) || !int(o.revision)) return malformed;
    return vault.remove(o.id, o.revision);
  },

  "settings.get": () => getSettings(),

  "settings.set": async (p) => {
    const o = obj(p);
    return o ? setSettings(o.patch) : malformed;
  },

  "login.oneClick": async (p) => {
    const o = obj(p);
    if (!o || !str(o.id) || (o.newTab !== undefined && !isBoolean(o.newTab))) {
      return malformed;
    }
    return oneClickLogin({ entryId: o.id, newTab: o.newTab === true });
  },

  "backup.export": async (p) => {
    const o = obj(p);
    if (!o || !str(o.password)) return malformed;
    return exportBackupFile(o.password);
  },

  "backup.import": async (p) => {
    const o = obj(p);
    if (!o || !str(o.text) || !str(o.password) || !int(o.revision)) return malformed;
    if (o.mode !== "merge" && o.mode !== "replace") return malformed;
    const choices = importChoices(o.choices);
    if (!choices) return malformed;
    return importBackup({
      text: o.text,
      password: o.password,
      mode: o.mode,
      revision: o.revision,
      choices,
    });
  },

  "status.get": () => statusSnapshot(),

  "popup.open": async () => {
    // Both at once: the list of a locked vault is an error that is simply not sent.
    const [status, list] = await Promise.all([statusSnapshot(), vault.list()]);
    return { status, list: status.vault.state === "unlocked" ? list : null };
  },

  "pendingSave.dismiss": async () => {
    await dismissPendingSave();
    await refreshBadge();
    return { ok: true };
  },

  "pendingSave.get": () => pendingSaveInput(),

  "teach.start": async (p) => {
    const o = obj(p);
    return o && int(o.tabId) ? startTeach(o.tabId) : malformed;
  },

  "fieldMaps.list": () => listFieldMaps(),

  "report.get": async (p) => {
    const o = obj(p);
    return o && int(o.tabId) ? detectionReport(o.tabId) : malformed;
  },

  "fieldMaps.forget": async (p) => {
    const o = obj(p);
    return o && str(o.page) ? forgetFieldMap(o.page) : malformed;
  },
};
