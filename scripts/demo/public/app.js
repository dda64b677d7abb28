// Demo IamOffice: a local stand-in for https://soft.iamoffice.net built from the vendor's help
// page (docs/vendor-login.md). It behaves the way the extension must cope
// with, not the way the real markup looks (which is unknown):
// - state comes from `input` events only (dom.js); ids are generated on every render;
// - logout (*Déconnexion*) and idle logout swap a fresh login window back in without
//   reloading the page;
// - the vendor fragment `#ESPACE&login=IDENTIFIANT&password=MOTDEPASSE` prefills the form.
// Test hooks: window.__submitted, __logins, __logouts, __recoveries, __demo, and
// <body data-logged-in="0|1" data-view="login|recovery|app"> (typed in test/e2e/demo-hooks.ts).
import { show } from "./dom.js";
import { appView, loginView, recoveryView } from "./views.js";

/**
 * @typedef {import("./views.js").Credentials} Credentials
 * @typedef {import("./views.js").Session} Session
 * @typedef {{ idleSeconds: number, accounts: Credentials[] | null, delayMs: number, remember: boolean }} DemoConfig
 *
 * The test hooks on `window` (typed for the tests in test/e2e/demo-hooks.ts).
 * @typedef {typeof window & {
 *   __demoConfig?: Partial<DemoConfig>,
 *   __submitted: Credentials | null,
 *   __logins: (Credentials & { ok: boolean, at: number })[],
 *   __logouts: { reason: "user" | "idle", at: number }[],
 *   __recoveries: { workspace: string, email: string, at: number }[],
 *   __demo: {
 *     config: DemoConfig,
 *     readonly session: Session | null,
 *     readonly lastActivity: number,
 *     logout: (reason?: "user" | "idle") => void,
 *   },
 * }} DemoWindow
 */
const hooks = /** @type {DemoWindow} */ (window);

// ---- configuration: window.__demoConfig (set before load), then the query string ----
const params = new URLSearchParams(location.search);
/** @type {DemoConfig} */
const config = {
  idleSeconds: 20 * 60,
  /** null = any three non-empty values log in; else a list of {workspace, identifier, password} */
  accounts: null,
  /** simulated server round trip, in ms */
  delayMs: 200,
  /** keep the session in a session cookie, like the real site within one browser session */
  remember: false,
  ...(hooks.__demoConfig || {}),
};
if (params.has("idle")) config.idleSeconds = Number(params.get("idle"));
if (params.has("delay")) config.delayMs = Number(params.get("delay"));
if (params.has("remember")) config.remember = params.get("remember") !== "0";
if (params.has("accounts")) {
  // accounts=ws:id:pw,ws2:id2:pw2
  config.accounts = /** @type {string} */ (params.get("accounts"))
    .split(",")
    .map((triple) => triple.split(":"))
    .map(([workspace = "", identifier = "", password = ""]) => ({
      workspace,
      identifier,
      password,
    }));
}

hooks.__submitted = null;
hooks.__logins = [];
hooks.__logouts = [];
hooks.__recoveries = [];

// ---- the vendor fragment: #ESPACE&login=IDENTIFIANT&password=MOTDEPASSE ----
function fromHash() {
  const raw = location.hash.replace(/^#/, "");
  const out = { workspace: "", identifier: "", password: "" };
  if (!raw) return out;
  const decode = (/** @type {string} */ s) => {
    try {
      return decodeURIComponent(s.replace(/\+/g, " "));
    } catch {
      return s;
    }
  };
  const [first = "", ...rest] = raw.split("&");
  if (!first.includes("=")) out.workspace = decode(first);
  for (const part of first.includes("=") ? [first, ...rest] : rest) {
    const [k = "", v = ""] = part.split("=");
    if (k === "login") out.identifier = decode(v);
    if (k === "password") out.password = decode(v);
  }
  return out;
}

// ---- screens ----
/** @param {{ notice?: string }} [options] */
function renderLogin({ notice = "" } = {}) {
  // The app itself fills its state from the fragment, as if typed.
  const node = loginView({
    state: fromHash(),
    notice,
    onSubmit: submitLogin,
    onForgot: renderRecovery,
  });
  show("login", node, false);
}

function renderRecovery() {
  /** @param {{ workspace: string, email: string }} values */
  const onSend = (values) => hooks.__recoveries.push({ ...values, at: Date.now() });
  show("recovery", recoveryView({ onSend, onBack: () => renderLogin() }), false);
}

/** @type {Session | null} */
let session = null;

/** @param {Session} current */
function renderApp(current) {
  session = current;
  const s = config.idleSeconds;
  const idleText = s >= 60 ? `${Math.round(s / 60)} minutes` : `${s} secondes`;
  show("app", appView({ session: current, idleText, onLogout: () => logout("user") }), true);
  touch();
}

/**
 * @param {Credentials} values
 * @param {{ error: HTMLElement, button: HTMLButtonElement }} parts
 */
function submitLogin(values, { error, button }) {
  hooks.__submitted = { ...values };
  const missing = !values.workspace || !values.identifier || !values.password;
  const known =
    !config.accounts ||
    config.accounts.some(
      (a) =>
        a.workspace === values.workspace &&
        a.identifier === values.identifier &&
        a.password === values.password,
    );
  const ok = !missing && known;
  hooks.__logins.push({ ...values, ok, at: Date.now() });
  if (!ok) {
    error.textContent = missing
      ? "Veuillez renseigner l'espace de travail, l'identifiant et le mot de passe."
      : "Espace de travail, identifiant ou mot de passe incorrect.";
    return;
  }
  error.textContent = "";
  button.disabled = true;
  button.textContent = "Connexion…";
  setTimeout(() => {
    const current = { workspace: values.workspace, identifier: values.identifier };
    if (config.remember) writeSessionCookie(current);
    renderApp(current);
  }, config.delayMs);
}

/** @param {"user" | "idle"} reason */
function logout(reason) {
  hooks.__logouts.push({ reason, at: Date.now() });
  clearTimeout(idleTimer);
  session = null;
  if (config.remember) writeSessionCookie(null);
  renderLogin({ notice: reason === "idle" ? "Vous avez été déconnecté pour inactivité." : "" });
}

// ---- idle logout: only the user's own (trusted) actions count ----
/** @type {ReturnType<typeof setTimeout> | 0} */
let idleTimer = 0;
let lastActivity = 0;

function touch() {
  lastActivity = Date.now();
  arm();
}
function arm() {
  clearTimeout(idleTimer);
  if (!session) return;
  const idleMs = config.idleSeconds * 1000;
  // Timers in background tabs are throttled: re-check against the wall clock when it fires.
  idleTimer = setTimeout(
    () => {
      if (!session) return;
      if (Date.now() - lastActivity >= idleMs) logout("idle");
      else arm();
    },
    Math.max(0, lastActivity + idleMs - Date.now()),
  );
}
for (const type of ["keydown", "pointerdown", "wheel", "touchstart"]) {
  document.addEventListener(
    type,
    (event) => {
      if (event.isTrusted && session) touch();
    },
    { capture: true, passive: true },
  );
}

// ---- "already connected in this browser session" (opt-in: ?remember=1) ----
const COOKIE = "iamoffice_demo_session";
/** @param {Session | null} value */
function writeSessionCookie(value) {
  const secure = location.protocol === "https:" ? "; Secure" : "";
  document.cookie = value
    ? `${COOKIE}=${encodeURIComponent(JSON.stringify(value))}; path=/; SameSite=Lax${secure}`
    : `${COOKIE}=; path=/; max-age=0${secure}`;
}
/** @returns {Session | null} */
function readSessionCookie() {
  const hit = document.cookie.split("; ").find((c) => c.startsWith(`${COOKIE}=`));
  if (!hit) return null;
  try {
    /** @type {unknown} */
    const value = JSON.parse(decodeURIComponent(hit.slice(COOKIE.length + 1)));
    return /** @type {Session | null} */ (value);
  } catch {
    return null;
  }
}

hooks.__demo = {
  config,
  get session() {
    return session ? { ...session } : null;
  },
  get lastActivity() {
    return lastActivity;
  },
  logout: (/** @type {"user" | "idle"} */ reason = "user") => logout(reason),
};

const remembered = config.remember ? readSessionCookie() : null;
if (remembered) renderApp(remembered);
else renderLogin();
