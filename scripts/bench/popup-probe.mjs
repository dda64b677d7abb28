// A probe for the popup document, registered with puppeteer's evaluateOnNewDocument so that it
// runs before the popup's own scripts (the open popup is then reloaded in place, see
// measures/popup.mjs). It notes when `want` entry buttons are in the DOM and when that frame
// has been painted (the first task after the next animation frame), in performance.now() of
// the popup document, whose timeOrigin is kept to compare with other contexts of the browser.
/**
 * @typedef {{ origin: number, domContentLoaded: number | null, listAt: number | null, paintedAt: number | null, count: number }} PopupRecord
 */

/**
 * Page-side source: records into window.__benchPopup on the popup page only.
 * @param {string} popupPath e.g. "popup/index.html"
 * @param {number} want Number of entry buttons to wait for.
 * @param {string} namePrefix Entry names start with this (e.g. "Bench ").
 * @returns {string}
 */
export function popupProbeSource(popupPath, want, namePrefix) {
  const body = (
    /** @type {string} */ path,
    /** @type {number} */ count,
    /** @type {string} */ prefix,
  ) => {
    if (!location.pathname.endsWith(`/${path}`)) return;
    /** @type {PopupRecord} */
    const rec = {
      origin: performance.timeOrigin,
      domContentLoaded: null,
      listAt: null,
      paintedAt: null,
      count: 0,
    };
    /** @type {typeof window & { __benchPopup?: PopupRecord }} */ (window).__benchPopup = rec;
    document.addEventListener("DOMContentLoaded", () => {
      rec.domContentLoaded = performance.now();
    });
    const check = () => {
      if (rec.listAt !== null) return;
      let n = 0;
      for (const b of document.querySelectorAll("button")) {
        if ((b.textContent ?? "").trimStart().startsWith(prefix)) n++;
      }
      rec.count = n;
      if (n < count) return;
      rec.listAt = performance.now();
      observer.disconnect();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          rec.paintedAt = performance.now();
        };
        channel.port2.postMessage(0);
      });
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true, characterData: true });
    // Installed late (Firefox: after load, see measures/popup.mjs): the list may be there
    // already, and DOMContentLoaded is known from the navigation's own timing.
    if (document.readyState !== "loading") {
      const nav = /** @type {PerformanceNavigationTiming | undefined} */ (
        performance.getEntriesByType("navigation")[0]
      );
      if (nav && nav.domContentLoadedEventStart > 0) {
        rec.domContentLoaded = nav.domContentLoadedEventStart;
      }
      check();
    }
  };
  return `(${body.toString()})(${JSON.stringify(popupPath)}, ${want}, ${JSON.stringify(namePrefix)});`;
}
