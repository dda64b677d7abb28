// Types and a reader for the demo IamOffice's test hooks (scripts/demo/public/). Types only
// on the page side: use them inside page.evaluate callbacks.
import type { Page } from "puppeteer-core";

/** Credentials as the demo's submit handler received them. */
export interface DemoCredentials {
  workspace: string;
  identifier: string;
  password: string;
}

/** The demo IamOffice's test hooks (scripts/demo/public/app.js); types only, for evaluate. */
export interface DemoWindow {
  __submitted: DemoCredentials | null;
  __logins: (DemoCredentials & { ok: boolean; at: number })[];
  __logouts: { reason: "user" | "idle"; at: number }[];
  __recoveries: { workspace: string; email: string; at: number }[];
  __demo: {
    lastActivity: number;
    session: { workspace: string; identifier: string } | null;
    logout(reason?: "user" | "idle"): void;
  };
  /** Set before load with page.evaluateOnNewDocument to configure the demo. */
  __demoConfig?: {
    idleSeconds?: number;
    delayMs?: number;
    remember?: boolean;
    accounts?: DemoCredentials[] | null;
  };
}

/** What the demo page shows and received, read in one go. */
export function demoState(page: Page): Promise<{
  loggedIn: boolean;
  view: string | undefined;
  submitted: DemoCredentials | null;
  logins: DemoWindow["__logins"];
  logouts: DemoWindow["__logouts"];
}> {
  return page.evaluate(() => {
    const w = window as unknown as DemoWindow;
    return {
      loggedIn: document.body.dataset.loggedIn === "1",
      view: document.body.dataset.view,
      submitted: w.__submitted,
      logins: w.__logins,
      logouts: w.__logouts,
    };
  });
}
