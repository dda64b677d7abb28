// Which text field is the workspace and which the identifier? Each field is read through
// signals in decreasing order of trust; the first signal that names exactly one kind decides
// (proven signal by signal in test/unit/detect-rules.test.ts, "trust order").
import { byComposedOrder, labelledByText, labelsText } from "../dom";
import { IDENTIFIER, IGNORED, normalize, PASSWORD, WORKSPACE } from "../words";

type Kind = "workspace" | "identifier" | "password" | "ignored";
const KINDS: ReadonlyArray<readonly [Kind, RegExp]> = [
  ["workspace", WORKSPACE],
  ["identifier", IDENTIFIER],
  ["password", PASSWORD],
];

/** The one kind a text names; undefined when it names none or several ("Identifiant de l'espace"). */
export function kindOf(text: string): Kind | undefined {
  const t = normalize(text);
  if (IGNORED.test(t)) return "ignored";
  const hits = KINDS.filter(([, re]) => re.test(t));
  return hits.length === 1 ? hits[0]?.[0] : undefined;
}

const attr = (el: Element, name: string): string => el.getAttribute(name) ?? "";

// The closest text before the field inside the login window, as in
// <div>Identifiant</div><div><input></div>; stops at the previous control, whose text that
// would be, and at the window's edge, past which lies unrelated text like the page <title>
// (test/fixtures/login/nearby-text.html).
function nearbyText(el: HTMLInputElement, box: Element): string {
  const walker = el.ownerDocument.createTreeWalker(el.getRootNode(), 5 /* elements + text */);
  walker.currentNode = el;
  for (let n = walker.previousNode(), steps = 0; n && n !== box && steps < 20; steps++) {
    const owner = n.nodeType === 1 ? (n as Element) : n.parentElement;
    if (owner?.closest("input,select,textarea,button")) return "";
    const text = n.nodeType === 3 ? n.nodeValue?.trim() : "";
    if (text && !/^(script|style)$/.test(owner?.localName ?? "")) return text;
    n = walker.previousNode();
  }
  return "";
}

// Trust order: autocomplete tokens ("organization", "username"), the accessible
// name, placeholder, name/id, nearby text. DOM order comes last, in assignFields.
/** What each signal is called in a detection report (src/content/report.ts), in trust order. */
export const SIGNAL_NAMES = [
  "its autocomplete token",
  "aria-labelledby",
  "aria-label",
  "its <label>",
  "its placeholder",
  "its name or id",
  "the text just before it",
] as const;
const SIGNALS: ReadonlyArray<(el: HTMLInputElement, box: Element) => string> = [
  (el) => attr(el, "autocomplete"),
  labelledByText,
  (el) => attr(el, "aria-label"),
  labelsText,
  (el) => el.placeholder,
  (el) => `${el.name} ${el.id}`,
  nearbyText,
];

/** The kind the most trusted signal that names one reads in the field, and that signal's rank. */
export function readKind(el: HTMLInputElement, box: Element): { kind?: Kind; trust: number } {
  for (let trust = 0; trust < SIGNALS.length; trust++) {
    const kind = kindOf(SIGNALS[trust]?.(el, box) ?? "");
    if (kind) return { kind, trust };
  }
  return { trust: SIGNALS.length };
}

export interface Fields {
  workspace: HTMLInputElement | undefined;
  identifier: HTMLInputElement | undefined;
}

/**
 * Picks workspace and identifier among the text fields of the login window `box` (in composed
 * order). `lockedWorkspace`: a read-only workspace the page filled itself, already known.
 */
export function assignFields(
  fields: HTMLInputElement[],
  password: HTMLInputElement,
  box: Element,
  lockedWorkspace?: HTMLInputElement,
): Fields {
  const read = fields.map((el) => ({ el, ...readKind(el, box) }));
  // Stable sort: among equally trusted readings the first in the page wins.
  const best = (kind: Kind): HTMLInputElement | undefined =>
    read.filter((r) => r.kind === kind).sort((a, b) => a.trust - b.trust)[0]?.el;
  let workspace = lockedWorkspace ?? best("workspace");
  let identifier = best("identifier");
  // Last resort, DOM order ("text, text, password", test/fixtures/login/generated-ids.html):
  // the unreadable fields closest before the password, then those after it.
  const free = read.filter((r) => !r.kind).map((r) => r.el);
  const before = free.filter((f) => byComposedOrder(f, password) < 0).reverse();
  const near = [...before, ...free.filter((f) => !before.includes(f))];
  if (!workspace && !identifier) [workspace, identifier] = near.slice(0, 2).sort(byComposedOrder);
  else if (!workspace) workspace = near[0];
  else identifier ??= near[0];
  return { workspace, identifier };
}
