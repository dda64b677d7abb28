// The demo's three screens as DOM builders. They hold no app state of their own beyond the
// form fields; app.js decides which one shows and what happens on submit.
import { action, field, h } from "./dom.js";

/**
 * @typedef {{ workspace: string, identifier: string, password: string }} Credentials
 * @typedef {{ workspace: string, identifier: string }} Session
 */

const screen = (/** @type {Node[]} */ ...cards) => h("main", { class: "login-screen" }, ...cards);
const card = (/** @type {Node} */ header, /** @type {Node} */ body) =>
  h("div", { class: "card" }, header, body);

/**
 * The login window. `state` starts with the vendor-fragment values and follows typing.
 * Returns the node plus the parts the submit handler updates.
 * @param {object} options
 * @param {Credentials} options.state
 * @param {string} options.notice
 * @param {(values: Credentials, parts: { error: HTMLElement, button: HTMLButtonElement }) => void} options.onSubmit
 * @param {() => void} options.onForgot
 */
export function loginView({ state, notice, onSubmit, onForgot }) {
  const error = h("p", { class: "message error", role: "alert" });
  const button = /** @type {HTMLButtonElement} */ (
    h("button", { type: "submit", class: "primary" }, "Connexion")
  );
  const form = h(
    "form",
    {
      class: "card-body",
      novalidate: true,
      onsubmit: (event) => {
        event.preventDefault();
        onSubmit({ ...state }, { error, button });
      },
    },
    h("h1", {}, "Connexion au logiciel"),
    h("p", { class: "message info", role: "status" }, notice),
    error,
    field(state, "workspace", "Espace de travail", { autocomplete: "organization" }),
    field(state, "identifier", "Identifiant", { autocomplete: "username" }),
    field(state, "password", "Mot de passe", {
      type: "password",
      autocomplete: "current-password",
    }),
    button,
    h("p", { class: "links" }, action("J'ai oublié mes identifiants", onForgot)),
  );
  return screen(
    card(
      h("div", { class: "card-header" }, "IamOffice", h("small", {}, "Logiciel de gestion")),
      form,
    ),
    h("p", { class: "demo-note" }, "Démonstration locale — aucune donnée n'est envoyée."),
  );
}

/**
 * *J'ai oublié mes identifiants*: workspace + e-mail, never a password.
 * @param {object} options
 * @param {(values: { workspace: string, email: string }) => void} options.onSend
 * @param {() => void} options.onBack
 */
export function recoveryView({ onSend, onBack }) {
  const state = { workspace: "", email: "" };
  const status = h("p", { class: "message info", role: "status" });
  const form = h(
    "form",
    {
      class: "card-body",
      novalidate: true,
      onsubmit: (event) => {
        event.preventDefault();
        onSend({ ...state });
        status.textContent =
          "Si ces informations correspondent à un compte, vous allez recevoir un e-mail.";
      },
    },
    h("h1", {}, "Informations de connexion perdues"),
    h(
      "p",
      {},
      "Indiquez votre espace de travail et votre adresse e-mail : vos identifiants vous seront envoyés.",
    ),
    status,
    field(state, "workspace", "Espace de travail", { autocomplete: "organization" }),
    field(state, "email", "Adresse e-mail", { type: "email", autocomplete: "email" }),
    h("button", { type: "submit", class: "primary" }, "Envoyer"),
    h("p", { class: "links" }, action("Retour à la connexion", onBack)),
  );
  return screen(card(h("div", { class: "card-header" }, "IamOffice"), form));
}

/**
 * The application: user and workspace top right, *Déconnexion* next to them.
 * @param {object} options
 * @param {Session} options.session
 * @param {string} options.idleText
 * @param {() => void} options.onLogout
 */
export function appView({ session, idleText, onLogout }) {
  const tile = (/** @type {string} */ value, /** @type {string} */ label) =>
    h("div", { class: "tile" }, h("strong", {}, value), h("span", {}, label));
  return h(
    "div",
    { class: "app" },
    h(
      "header",
      { class: "topbar" },
      h("div", { class: "brand" }, "IamOffice"),
      h(
        "nav",
        { class: "menu" },
        ...["Tableau de bord", "Clients", "Factures", "Agenda"].map((t) => h("span", {}, t)),
      ),
      h(
        "div",
        { class: "user" },
        h("span", { class: "identifier" }, session.identifier),
        h("span", { class: "workspace" }, session.workspace),
        action("Déconnexion", onLogout),
      ),
    ),
    h(
      "main",
      { class: "dashboard" },
      h("h1", {}, "Tableau de bord"),
      h(
        "div",
        { class: "tiles" },
        tile("3", "Factures à relancer"),
        tile("2", "Rendez-vous aujourd'hui"),
        tile("12", "Dossiers en cours"),
      ),
      h(
        "section",
        { class: "panel" },
        h("h2", {}, "Notes"),
        h("textarea", { "aria-label": "Notes", placeholder: "Saisissez une note…" }),
      ),
      h("p", { class: "demo-note" }, `Déconnexion automatique après ${idleText} sans action.`),
    ),
  );
}
