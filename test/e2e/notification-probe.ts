// Sees and clicks the extension's notifications in end-to-end tests. Neither browser lets
// WebDriver/CDP see or click a notification, so:
// - Chromium: `notifications.getAll()` gives ids only. The text is read by spying on
//   `chrome.notifications.create` inside the running service worker (the arguments Chrome
//   renders), and a click is the worker's own `chrome.notifications.onClicked.dispatch(id)`:
//   it runs the listeners the background registered, with the argument Chrome passes. What it
//   skips is Chrome's browser→worker routing (which would also wake a stopped worker).
// - Firefox: headless Firefox has no alert backend, so a notification is "finished" as soon as
//   it is created and `getAll()` is always empty. We register a stand-in for the OS alerts
//   service (`@mozilla.org/alerts-service;1`) in the parent process, over WebDriver BiDi with
//   the harness's `--remote-allow-system-access`; it keeps each alert like a desktop would,
//   and a click is that alert's `alertclickcallback`, exactly what the OS backend reports —
//   Firefox then wakes the event page and fires `notifications.onClicked`.
import type { BrowserName, Harness } from "./harness";
import { inFirefoxParent } from "./firefox-parent";

/** Ids of the extension's notifications on screen right now (notifications.getAll). */
export async function notificationIds(h: Harness): Promise<string[]> {
  return Object.keys(await h.evalInExtension((browser) => browser.notifications.getAll())).sort();
}

/** What the extension asked the browser to show or take away, as the observer saw it. */
export interface NotificationEvent {
  kind: "shown" | "cleared";
  id: string;
  /** Empty for "cleared". */
  title: string;
  message: string;
  /** Button titles (Chromium; Firefox notifications have no buttons). */
  buttons: string[];
  /** Epoch ms. */
  at: number;
}

/** Sees and clicks the extension's notifications (see the top of this file for how). */
export interface NotificationProbe {
  /** (Re)installs the observer; call before what it must see (Chromium: per worker). */
  install(): Promise<void>;
  /** Shows and clears since the observer was installed, oldest first. */
  events(): Promise<NotificationEvent[]>;
  /** The user clicks the notification `id`, or its button number `button` (Chromium). */
  click(id: string, opts?: { button?: number }): Promise<void>;
}

/** `name` is given apart from `h`: describeEachBrowser's harness only exists once launched. */
export function notificationProbe(h: Harness, name: BrowserName): NotificationProbe {
  return name === "chromium" ? chromiumProbe(h) : firefoxProbe(h);
}

/** The last time the extension showed notification `id`, if the observer saw it. */
export function lastShown(events: NotificationEvent[], id: string): NotificationEvent | undefined {
  return events.filter((e) => e.kind === "shown" && e.id === id).at(-1);
}

/** Whether the extension cleared notification `id` at or after `since`. */
export function clearedSince(events: NotificationEvent[], id: string, since: number): boolean {
  return events.some((e) => e.kind === "cleared" && e.id === id && e.at >= since);
}

/** The service worker's global, as far as the spy needs it (there are no chrome.* types here). */
type WorkerGlobal = typeof globalThis & {
  __e2eNotes?: NotificationEvent[];
  chrome: {
    notifications: {
      create: (
        id: string,
        options: { title?: string; message?: string; buttons?: { title: string }[] },
      ) => unknown;
      clear: (id: string) => unknown;
      onClicked: { dispatch(id: string): void };
      onButtonClicked: { dispatch(id: string, button: number): void };
    };
  };
};

function chromiumProbe(h: Harness): NotificationProbe {
  return {
    async install() {
      const worker = await h.wakeServiceWorker();
      await worker.evaluate(() => {
        const g = globalThis as WorkerGlobal;
        if (g.__e2eNotes) return;
        const log: NotificationEvent[] = (g.__e2eNotes = []);
        const api = g.chrome.notifications;
        const create = api.create.bind(api);
        const clear = api.clear.bind(api);
        api.create = (id, options) => {
          const { title = "", message = "" } = options;
          const buttons = (options.buttons ?? []).map((b) => b.title);
          log.push({ kind: "shown", id, title, message, buttons, at: Date.now() });
          return create(id, options);
        };
        api.clear = (id) => {
          log.push({ kind: "cleared", id, title: "", message: "", buttons: [], at: Date.now() });
          return clear(id);
        };
      });
    },
    async events() {
      if (!h.isServiceWorkerRunning()) return [];
      const worker = await h.serviceWorker();
      return worker.evaluate(() => (globalThis as WorkerGlobal).__e2eNotes ?? []);
    },
    async click(id, { button } = {}) {
      const worker = await h.wakeServiceWorker();
      await worker.evaluate(
        (note, index) => {
          const api = (globalThis as WorkerGlobal).chrome.notifications;
          if (index === null) api.onClicked.dispatch(note);
          else api.onButtonClicked.dispatch(note, index);
        },
        id,
        button ?? null,
      );
    },
  };
}

// ---- Firefox: a stand-in for the OS alerts service, in the parent process ----

/**
 * The stand-in alerts service: keeps what Firefox asks it to show, reports `alertshow`, and
 * `alertfinished` when Firefox closes the alert (as desktop backends do).
 */
const FIREFOX_ALERTS = `(() => {
  const state = (window.__e2eAlerts ??= { events: [], listeners: {}, installed: false });
  if (state.installed) return true;
  const service = {
    QueryInterface: ChromeUtils.generateQI(["nsIAlertsService"]),
    showAlert(alert, listener) {
      const { name: id, title, text: message } = alert;
      state.events.push({ kind: "shown", id, title, message, buttons: [], at: Date.now() });
      state.listeners[alert.name] = listener;
      listener?.observe(null, "alertshow", alert.cookie);
    },
    closeAlert(name) {
      state.events.push({ kind: "cleared", id: name, title: "", message: "", buttons: [], at: Date.now() });
      const listener = state.listeners[name];
      delete state.listeners[name];
      Promise.resolve().then(() => listener?.observe(null, "alertfinished", ""));
    },
    teardown() {},
    pbmTeardown() {},
  };
  const factory = {
    QueryInterface: ChromeUtils.generateQI(["nsIFactory"]),
    createInstance(iid) { return service.QueryInterface(iid); },
  };
  Components.manager
    .QueryInterface(Ci.nsIComponentRegistrar)
    .registerFactory(Services.uuid.generateUUID(), "e2e alerts", "@mozilla.org/alerts-service;1", factory);
  state.installed = true;
  return true;
})()`;

function firefoxProbe(h: Harness): NotificationProbe {
  return {
    async install() {
      await inFirefoxParent(h, FIREFOX_ALERTS);
    },
    events() {
      return inFirefoxParent<NotificationEvent[]>(h, "window.__e2eAlerts?.events ?? []");
    },
    async click(id, { button } = {}) {
      if (button !== undefined) throw new Error("Firefox notifications have no buttons");
      const clicked = await inFirefoxParent<boolean>(
        h,
        `(() => {
          const listener = window.__e2eAlerts?.listeners[${JSON.stringify(id)}];
          listener?.observe(null, "alertclickcallback", "");
          return Boolean(listener);
        })()`,
      );
      if (!clicked) throw new Error(`no notification ${id} on screen to click`);
    },
  };
}
