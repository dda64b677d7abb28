// Fill-latency probe, loaded by fill.html before the demo app. Measured from the page with
// performance.now(): the demo's own logout inserts a fresh login window into the DOM; we
// record the time right after that insertion and the time of the `input` event on each of the
// three fields (dispatched by the extension's content script). Latency = last input − insert.
//
// window.__bench.setHeavy(n): n other elements (a data grid of links, buttons, checkboxes) in
//   the page, outside the login window; 0 removes them.
// window.__bench.fillOnce({ timeoutMs }): log in (form.requestSubmit: an untrusted submit, so
//   the extension does not treat it as a manual login), wait until the dashboard has settled,
//   log out, and resolve with the latency in ms (or { error }).
(() => {
  "use strict";
  const FIELDS = ["Espace de travail", "Identifiant", "Mot de passe"];
  /** @type {HTMLElement | null} */
  let filler = null;

  /**
   * @param {number} ms
   * @returns {Promise<void>}
   */
  const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
  // A hidden tab runs no animation frames: never wait for one for ever.
  const frame = () =>
    Promise.race([
      /** @type {Promise<void>} */ (new Promise((done) => requestAnimationFrame(() => done()))),
      sleep(100),
    ]);

  /** @param {HTMLInputElement} input */
  function labelOf(input) {
    return input.labels && input.labels[0]
      ? /** @type {string} */ (input.labels[0].textContent).trim()
      : "";
  }

  /** @param {number} n */
  function setHeavy(n) {
    if (filler) filler.remove();
    filler = null;
    if (!n) return 0;
    // Rows of 10 elements: tr, 4 td, a, button, input, span, small — the kind of controls a
    // business app shows and detection has to look at and reject.
    const table = document.createElement("table");
    table.setAttribute("aria-label", "Données");
    const body = document.createElement("tbody");
    let count = 2;
    for (let i = 0; count < n; i++) {
      const tr = document.createElement("tr");
      const cells = [0, 1, 2, 3].map(() => document.createElement("td"));
      const a = document.createElement("a");
      a.href = `#facture-${i}`;
      a.textContent = `Facture ${i}`;
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = "Modifier";
      const check = document.createElement("input");
      check.type = "checkbox";
      check.setAttribute("aria-label", `Sélectionner ${i}`);
      const span = document.createElement("span");
      span.textContent = `${(i * 37) % 1000},00 €`;
      const small = document.createElement("small");
      small.textContent = "TTC";
      /** @type {HTMLElement} */ (cells[0]).append(check);
      /** @type {HTMLElement} */ (cells[1]).append(a);
      /** @type {HTMLElement} */ (cells[2]).append(span, small);
      /** @type {HTMLElement} */ (cells[3]).append(button);
      tr.append(...cells);
      body.append(tr);
      count += 10;
    }
    table.append(body);
    filler = document.createElement("section");
    filler.append(table);
    document.body.append(filler);
    return filler.querySelectorAll("*").length + 1;
  }

  /**
   * @param {() => boolean} test
   * @param {number} timeoutMs
   */
  async function waitFor(test, timeoutMs) {
    const deadline = performance.now() + timeoutMs;
    while (!test()) {
      if (performance.now() > deadline) return false;
      await sleep(10);
    }
    return true;
  }

  /**
   * @param {{ timeoutMs?: number, settleMs?: number }} [options]
   * @returns {Promise<{ ms?: number, first?: number, error?: string }>}
   */
  async function fillOnce({ timeoutMs = 3000, settleMs = 400 } = {}) {
    if (document.hidden) return { error: "the tab is hidden (bring it to the front)" };
    const form = /** @type {HTMLFormElement | null} */ (document.querySelector("#app form"));
    if (document.body.dataset.loggedIn !== "1") {
      if (!form) return { error: "no login form" };
      form.requestSubmit();
      if (!(await waitFor(() => document.body.dataset.loggedIn === "1", timeoutMs))) {
        return { error: "the demo did not log in (was the form filled?)" };
      }
    }
    // Let the content script see the dashboard, report it, and finish any scan of the page
    // (on the heavy page a scan can take a while): only the logout → fill path is timed.
    await frame();
    await frame();
    await sleep(settleMs);

    /** @type {Map<string, number>} */
    const inputs = new Map();
    /** @type {() => void} */
    let resolveAll;
    /** @type {Promise<void>} */
    const all = new Promise((done) => (resolveAll = done));
    /** @param {Event} event */
    const onInput = (event) => {
      const t = performance.now();
      const label = event.target instanceof HTMLInputElement ? labelOf(event.target) : "";
      if (!FIELDS.includes(label) || inputs.has(label)) return;
      inputs.set(label, t);
      if (inputs.size === FIELDS.length) resolveAll();
    };
    document.addEventListener("input", onInput, true);
    // Replaces the dashboard with a fresh login window, synchronously.
    /** @type {ProbedPage} */ (window).__demo.logout("user");
    const inserted = performance.now();
    const timer = sleep(timeoutMs).then(() => "timeout");
    const outcome = await Promise.race([all.then(() => "ok"), timer]);
    document.removeEventListener("input", onInput, true);
    if (outcome !== "ok")
      return { error: `only ${inputs.size}/3 fields filled in ${timeoutMs} ms` };
    const last = Math.max(...inputs.values());
    return { ms: last - inserted, first: Math.min(...inputs.values()) - inserted };
  }

  /**
   * The page's globals, as this script uses them (the demo's are typed in its app.js).
   * @typedef {typeof window & {
   *   __demo: { logout: (reason?: "user" | "idle") => void },
   *   __bench: { setHeavy: typeof setHeavy, fillOnce: typeof fillOnce },
   * }} ProbedPage
   */
  /** @type {ProbedPage} */ (window).__bench = { setHeavy, fillOnce };
})();
