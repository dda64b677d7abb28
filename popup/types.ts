// The popup's props contract: what the connector provides, what components may ask for.
import type { EntryInput, EntrySummary, Failure, StatusSnapshot } from "../src/protocol";
import type { Outcome } from "../src/ui/entry-form";
import type { PasskeyRequest } from "../src/passkey-protocol";

export interface PopupData {
  /** null while status.get has not answered yet (the skeleton shows). */
  status: StatusSnapshot | null;
  entries: EntrySummary[];
  /** Why the list could not be loaded, if it could not. */
  listError: Failure | null;
  /** The background did not answer status.get (it shows instead of an endless skeleton). */
  loadError: Failure | null;
}

export interface PopupActions {
  unlock: (password: string) => Promise<Outcome>;
  /** The ceremony in the popup, then the worker's unlock; a failure says why. */
  unlockWithPasskey: (requests: PasskeyRequest[]) => Promise<Outcome>;
  lock: () => Promise<void>;
  /** On success the connector closes the popup. */
  login: (id: string, options: { newTab: boolean }) => Promise<Outcome>;
  saveEntry: (request: { id?: string; input: EntryInput }) => Promise<Outcome>;
  /** The pending save prompt's full input, password included, to prefill the form. */
  loadPendingSave: () => Promise<{ ok: true; value: EntryInput } | Failure>;
  dismissPendingSave: () => Promise<void>;
  openOptions: () => void;
  /** "Teach the login fields" in that tab; on success the connector closes the popup. */
  teach: (tabId: number) => Promise<Outcome>;
  /** The detection report of that tab (plain text, no value). */
  report: (tabId: number) => Promise<{ ok: true; value: string } | Failure>;
}

export interface PopupProps {
  data: PopupData;
  actions: PopupActions;
}
