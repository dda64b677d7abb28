// Event handlers whose caller ignores what they return (browser events other than
// runtime.onMessage, DOM events in the pages) run their async work through `fireAndForget`.
// Nothing awaits that work, so a failure goes to `reportError`: it shows as an uncaught error
// (the extension's error page, the page's console), as an async handler's rejection did,
// rather than as a promise left floating.
export function fireAndForget<A extends unknown[]>(
  handler: (...args: A) => Promise<unknown>,
): (...args: A) => void {
  return (...args) => {
    handler(...args).catch((error: unknown) => reportError(error));
  };
}
