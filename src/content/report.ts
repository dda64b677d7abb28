// "Copy a detection report": a plain-text outline of the login window as the extension sees it,
// for whoever maintains detection when a real page is read wrongly. Tags, input types, the
// texts that name each field (label, placeholder, aria-label, autocomplete token), what was
// taken for what and why, and the detection version. Never a value: nothing here reads a
// field's value or value attribute (a button's caption aside), and the page address is given
// without its query and fragment, where the vendor's shortcut may carry a password.
import type { FieldMap } from "../field-map";
import { byComposedOrder, controlLabel, labelsText, openShadowRoots, queryAll } from "./dom";
import type { Root } from "./dom";
import { detectLogin } from "./detect";
import { readKind, SIGNAL_NAMES } from "./detect/fields";
import { detectTaught } from "./detect/taught";
import { isReachable } from "./reach";
import { isEditable, isVisible } from "./visibility";
import { nameOf } from "./teach/locator";

/** Bumped whenever detection's rules change, so a report says which rules read the page. */
export const DETECTION_VERSION = "2026.12-2";

const MAX_LINES = 80;
const quote = (s: string | null | undefined): string =>
  JSON.stringify((s ?? "").replace(/\s+/g, " ").trim().slice(0, 80));

function where(el: Element): string {
  if (isVisible(el)) return "visible";
  return isReachable(el) ? "below the fold" : "hidden or out of reach";
}

function describe(el: Element): string {
  const parts = [el.localName];
  const input = el.localName === "input" ? (el as HTMLInputElement) : null;
  if (input || el.localName === "button") parts.push(`type=${(el as HTMLInputElement).type}`);
  if (el.id) parts.push(`id=${quote(el.id)}`);
  const name = el.getAttribute("name");
  if (name) parts.push(`name=${quote(name)}`);
  if (input) {
    const labels = labelsText(input);
    if (labels.trim()) parts.push(`label=${quote(labels)}`);
    if (input.placeholder) parts.push(`placeholder=${quote(input.placeholder)}`);
    for (const a of ["aria-label", "autocomplete"]) {
      const v = input.getAttribute(a);
      if (v) parts.push(`${a}=${quote(v)}`);
    }
    if (!isEditable(input)) parts.push(input.disabled ? "disabled" : "read-only");
  } else {
    parts.push(`text=${quote(controlLabel(el))}`);
  }
  parts.push(`[${where(el)}]`);
  return parts.join(" ");
}

export interface ReportContext {
  fieldMap: FieldMap | null;
}

export function detectionReport(doc: Document, ctx: ReportContext): string {
  const shadowRoots = openShadowRoots(doc);
  const roots: Root[] = [doc, ...shadowRoots];
  const opts = { shadowRoots };
  const view = doc.defaultView;
  const lines = [
    "IamOffice Login — detection report",
    `Detection version: ${DETECTION_VERSION}`,
    `Page: ${doc.location.origin}${doc.location.pathname} (${view && view.top === view ? "top frame" : "frame"})`,
    `Viewport: ${view?.innerWidth ?? 0}×${view?.innerHeight ?? 0}, scrolled to ${Math.round(view?.scrollY ?? 0)}`,
    `Taught fields for this page: ${ctx.fieldMap ? "yes" : "no"}`,
  ];
  const taught = ctx.fieldMap ? detectTaught(doc, ctx.fieldMap, opts) : null;
  const d = taught ?? detectLogin(doc, opts);
  if (!d.ok) lines.push(`Result: no login window (${d.reason})`);
  else {
    lines.push(`Result: login window found${taught ? " (from the taught fields)" : ""}`);
    const box = d.login.password.form ?? doc.body;
    for (const role of ["workspace", "identifier", "password"] as const) {
      const el = d.login[role];
      const why = taught
        ? "taught"
        : role === "password"
          ? "the only visible password field"
          : !isEditable(el)
            ? "read-only, filled by the page"
            : (SIGNAL_NAMES[readKind(el, box).trust] ?? "position");
      lines.push(`  ${role} ← ${describe(el)} — by ${why}`);
    }
    lines.push(
      `  submit ← ${d.login.submit ? describe(d.login.submit) : "none (the form is sent)"}`,
    );
  }
  const inputs = queryAll<HTMLInputElement>(roots, "input").filter((i) => i.type !== "hidden");
  const controls = queryAll<Element>(roots, "button,input[type=submit],[role=button]");
  lines.push(`Inputs (${inputs.length}):`);
  for (const el of inputs.sort(byComposedOrder).slice(0, MAX_LINES))
    lines.push(`  ${describe(el)}`);
  lines.push(`Buttons (${controls.length}):`);
  for (const el of controls.sort(byComposedOrder).slice(0, MAX_LINES)) {
    lines.push(`  ${el.localName} ${quote(nameOf(el))} [${where(el)}]`);
  }
  const forms = queryAll<HTMLFormElement>(roots, "form");
  lines.push(`Forms: ${forms.length}${forms.length ? ` (${forms.map(formLine).join("; ")})` : ""}`);
  return lines.join("\n");
}

function formLine(form: HTMLFormElement): string {
  const action = form.getAttribute("action");
  let target = "this page";
  if (action) {
    try {
      const url = new URL(action, form.ownerDocument.baseURI);
      target = url.origin === form.ownerDocument.location.origin ? "same origin" : url.origin;
    } catch {
      target = "unreadable action";
    }
  }
  return `${form.method || "get"} to ${target}`;
}
