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

// ---- configuration: window.__demoConfig (set before load), then the query string ----
const params = new URLSearchParams(location.search);
const config = {
  idleSeconds: 20 * 60,
  /** null = any three non-empty values log in; else a list of {workspace, identifier, password} */
  accounts: null,
  /** simulated server round trip, in ms */
  delayMs: 200,
  /** keep the session in a session cookie, like the real site within one browser session */
  remember: false,
  ...(window.__demoConfig || {}),
};
if (params.has("idle")) config.idleSeconds = Number(params.get("idle"));
if (params.has("delay")) config.delayMs = Number(params.get("delay"));
if (params.has("remember")) config.remember = params.get("remember") !== "0";
if (params.has("accounts")) {
  // accounts=ws:id:pw,ws2:id2:pw2
  config.accounts = params
    .get("accounts")
    .split(",")
    .map((triple) => triple.split(":"))
    .map(([workspace = "", identifier = "", password = ""]) => ({
      workspace,
      identifier,
      password,
    }));
}

window.__submitted = null;
window.__logins = [];
window.__logouts = [];
window.__recoveries = [];

// ---- the vendor fragment: #ESPACE&login=IDENTIFIANT&password=MOTDEPASSE ----
function fromHash() {
  const raw = location.hash.replace(/^#/, "");
  const out = { workspace: "", identifier: "", password: "" };
  if (!raw) return out;
  const decode = (s) => {
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
  const onSend = (values) => window.__recoveries.push({ ...values, at: Date.now() });
  show("recovery", recoveryView({ onSend, onBack: () => renderLogin() }), false);
}

let session = null;

function renderApp(current) {
  session = current;
  const s = config.idleSeconds;
  const idleText = s >= 60 ? `${Math.round(s / 60)} minutes` : `${s} secondes`;
  show("app", appView({ session: current, idleText, onLogout: () => logout("user") }), true);
  touch();
}

function submitLogin(values, { error, button }) {
  window.__submitted = { ...values };
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
  window.__logins.push({ ...values, ok, at: Date.now() });
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

function logout(reason) {
  window.__logouts.push({ reason, at: Date.now() });
  clearTimeout(idleTimer);
  session = null;
  if (config.remember) writeSessionCookie(null);
  renderLogin({ notice: reason === "idle" ? "Vous avez été déconnecté pour inactivité." : "" });
}

// ---- idle logout: only the user's own (trusted) actions count ----
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
function writeSessionCookie(value) {
  const secure = location.protocol === "https:" ? "; Secure" : "";
  document.cookie = value
    ? `${COOKIE}=${encodeURIComponent(JSON.stringify(value))}; path=/; SameSite=Lax${secure}`
    : `${COOKIE}=; path=/; max-age=0${secure}`;
}
function readSessionCookie() {
  const hit = document.cookie.split("; ").find((c) => c.startsWith(`${COOKIE}=`));
  if (!hit) return null;
  try {
    return JSON.parse(decodeURIComponent(hit.slice(COOKIE.length + 1)));
  } catch {
    return null;
  }
}

window.__demo = {
  config,
  get session() {
    return session ? { ...session } : null;
  },
  get lastActivity() {
    return lastActivity;
  },
  logout: (reason = "user") => logout(reason),
};

const remembered = config.remember ? readSessionCookie() : null;
if (remembered) renderApp(remembered);
else renderLogin();
