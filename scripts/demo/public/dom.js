// The demo's tiny "framework": hyperscript (no innerHTML anywhere) and inputs whose state
// comes from `input` events only, like React/Vue apps — a value written to the DOM without
// an event never reaches the app.

/**
 * @typedef {Node | string | null | undefined | false} Child
 * @typedef {string | number | boolean | null | undefined | ((event: Event) => void)} PropValue
 * @typedef {Record<string, PropValue>} Props Attributes; `class`; `on<event>` listeners.
 */

let counter = 0;

/**
 * A fresh id on every render, so that nothing can rely on ids.
 * @param {string} name
 */
export const uid = (name) => `${name}-${Math.random().toString(36).slice(2, 7)}${++counter}`;

/**
 * h("div", { class: "x", onclick }, child, "text")
 * @param {string} tag
 * @param {Props | null} [props]
 * @param {...(Child | Child[])} children
 * @returns {HTMLElement}
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on"))
      el.addEventListener(key.slice(2), /** @type {EventListener} */ (value));
    else if (key === "class") el.className = /** @type {string} */ (value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return el;
}

/**
 * A labelled input bound to `state[key]` through `input` events only.
 * @param {Record<string, string>} state
 * @param {string} key
 * @param {string} label
 * @param {Props} [attrs]
 */
export function field(state, key, label, attrs) {
  const id = uid("f");
  const input = /** @type {HTMLInputElement} */ (
    h("input", {
      id,
      type: "text",
      spellcheck: "false",
      autocapitalize: "off",
      ...attrs,
      oninput: (event) => {
        state[key] = /** @type {HTMLInputElement} */ (event.target).value;
      },
    })
  );
  const initial = state[key];
  if (initial) input.value = initial;
  return h("div", { class: "field" }, h("label", { for: id }, label), input);
}

/**
 * A link that acts without navigating (and so without touching the vendor fragment).
 * @param {string} text
 * @param {() => void} onClick
 */
export function action(text, onClick) {
  return h(
    "a",
    {
      href: "#",
      onclick: (event) => {
        event.preventDefault();
        onClick();
      },
    },
    text,
  );
}

/**
 * Replaces the whole page content: the previous view's DOM is gone.
 * @param {string} view
 * @param {Node} node
 * @param {boolean} loggedIn
 */
export function show(view, node, loggedIn) {
  /** @type {HTMLElement} */ (document.getElementById("app")).replaceChildren(node);
  document.body.dataset.view = view;
  document.body.dataset.loggedIn = loggedIn ? "1" : "0";
}
