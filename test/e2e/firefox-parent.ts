// Firefox only: evaluating in the browser's parent process (chrome://browser/content/browser.xhtml)
// over WebDriver BiDi, which the harness allows with `--remote-allow-system-access`. Used to
// stand in for the OS notification backend and to suspend the event page as Firefox does.
import type { Harness } from "./harness";

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}
interface ChromeContext {
  context: string;
  url: string;
  children?: ChromeContext[];
}

/** Evaluates `expression` in the Firefox parent process (browser.xhtml) and returns its JSON. */
export async function inFirefoxParent<T>(h: Harness, expression: string): Promise<T> {
  const connection = (h.browser as unknown as { connection?: BidiConnection }).connection;
  if (!connection) throw new Error("puppeteer-core internals changed: Browser.connection is gone");
  const tree = (await connection.send("browsingContext.getTree", { "moz:scope": "chrome" }))
    .result as { contexts: ChromeContext[] };
  const top = tree.contexts.find((c) => c.url === "chrome://browser/content/browser.xhtml");
  if (!top) throw new Error("no chrome://browser/content/browser.xhtml context over BiDi");
  const r = (
    await connection.send("script.evaluate", {
      expression: `(async () => JSON.stringify(await (${expression})))()`,
      target: { context: top.context },
      awaitPromise: true,
    })
  ).result as { type: string; result?: { value?: string }; exceptionDetails?: { text?: string } };
  if (r.type !== "success") {
    throw new Error(`parent-process evaluation failed: ${r.exceptionDetails?.text ?? "?"}`);
  }
  const json = r.result?.value;
  return (json === undefined ? undefined : JSON.parse(json)) as T;
}
