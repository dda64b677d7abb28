// The only popup module that talks to the browser: it loads the status snapshot and the list,
// and turns user intents into protocol messages. Components get plain {data, actions}.
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { pageApi as browser } from "../src/page-api";
import { send } from "../src/messaging";
import type { Failure, PageMessages, ResponseOf } from "../src/protocol";
import { settle, toFailure } from "../src/ui/failure";
import { unlockWithPasskey } from "../src/ui/passkey-unlock";
import type { PopupActions, PopupData, PopupProps } from "./types";

type Opened = ResponseOf<PageMessages, "popup.open">;
let prefetched: Promise<Opened> | null = null;

/**
 * Asks for the first paint's data before the first render (main.tsx): the round trip to the
 * worker overlaps with loading and rendering the page instead of following them.
 */
export function prefetchPopupOpen(): void {
  prefetched = send("popup.open");
  // Read by the first refresh; a failure is reported there, not as an unhandled rejection.
  prefetched.catch(() => undefined);
}

export function usePopupConnector(): PopupProps {
  const [data, setData] = useState<PopupData>({
    status: null,
    entries: [],
    listError: null,
    loadError: null,
  });
  const revision = useRef(0);

  const refresh = useCallback(async () => {
    let opened;
    try {
      // One round trip for the whole first paint (status and list), asked for early.
      const pending = prefetched ?? send("popup.open");
      prefetched = null;
      opened = await pending;
    } catch (error) {
      setData((d) => ({ ...d, loadError: toFailure(error) }));
      return;
    }
    const { status, list } = opened;
    if (!list) {
      setData({ status, entries: [], listError: null, loadError: null });
      return;
    }
    if (list.ok) revision.current = list.value.revision;
    setData({
      status,
      entries: list.ok ? list.value.entries : [],
      listError: list.ok ? null : list,
      loadError: null,
    });
  }, []);

  // Before the first paint, so that the list renders as soon as the answer is in.
  useLayoutEffect(() => {
    void refresh();
  }, [refresh]);

  const actions = useMemo<PopupActions>(() => {
    /** A locked vault or a stale revision means our picture is old: reload it. */
    const afterFailure = (r: Failure) => {
      if (r.error === "locked" || r.error === "stale_revision" || r.error === "no_vault")
        void refresh();
      return r;
    };
    return {
      async unlock(password) {
        const r = await settle(send("vault.unlock", { password }));
        if (r.ok) await refresh();
        return r;
      },
      async unlockWithPasskey(requests) {
        // Some browsers close the popup when the authenticator's dialog takes the focus: then
        // nothing more happens here, and the next opening shows the vault as it is.
        const r = await unlockWithPasskey(requests);
        if (r.ok) await refresh();
        return r;
      },
      async lock() {
        await settle(send("vault.lock"));
        await refresh();
      },
      async login(id, { newTab }) {
        const r = await settle(send("login.oneClick", newTab ? { id, newTab } : { id }));
        // The job is done in the page; the popup would only hide it.
        if (r.ok) window.close();
        return r.ok ? r : afterFailure(r);
      },
      async saveEntry({ id, input }) {
        const r = await settle(
          send(
            "entries.save",
            id ? { id, input, revision: revision.current } : { input, revision: revision.current },
          ),
        );
        if (!r.ok) return afterFailure(r);
        revision.current = r.value.revision;
        await refresh();
        return { ok: true };
      },
      loadPendingSave: () => settle(send("pendingSave.get")),
      async dismissPendingSave() {
        await settle(send("pendingSave.dismiss"));
        await refresh();
      },
      async teach(tabId) {
        const r = await settle(send("teach.start", { tabId }));
        // The page is where the user clicks now.
        if (r.ok) window.close();
        return r;
      },
      report: (tabId) => settle(send("report.get", { tabId })),
      openOptions() {
        void browser.runtime.openOptionsPage().then(() => window.close());
      },
    };
  }, [refresh]);

  return { data, actions };
}
