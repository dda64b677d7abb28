// Tree helpers that see through open shadow roots, so a login window rendered by a web
// component is found like any other (test/fixtures/login/shadow-root.html).
import { normalize } from "./words";

export type Root = Document | ShadowRoot;
export type VisibleCheck = (el: Element) => boolean;

const SHADOW_ROOT = 11;
const ELEMENT = 1;

/** The parent element, crossing from a shadow root to its host. */
export function up(node: Node): Element | null {
  const p = node.parentNode;
  if (p?.nodeType === SHADOW_ROOT) return (p as ShadowRoot).host ?? null;
  return p?.nodeType === ELEMENT ? (p as Element) : null;
}

/** Like Node.contains, but also through shadow roots. */
export function containsDeep(ancestor: Node, node: Node): boolean {
  for (let n: Node | null = node; n; n = up(n)) if (n === ancestor) return true;
  return false;
}

// The node, its shadow host, that host's host… outermost first.
function hostChain(node: Node): Node[] {
  const chain: Node[] = [];
  for (let n: Node | undefined = node; n; n = (n.getRootNode() as Partial<ShadowRoot>).host)
    chain.unshift(n);
  return chain;
}

/** Array.sort comparator for document order across shadow roots (a host's content sits at the host). */
export function byComposedOrder(a: Node, b: Node): number {
  const ca = hostChain(a);
  const cb = hostChain(b);
  let i = 0;
  while (i < ca.length && ca[i] === cb[i]) i++;
  const x = ca[i];
  const y = cb[i];
  if (!x || !y) return x ? 1 : y ? -1 : 0;
  // Both sit in the same tree here: the document, or the shadow root of their common host.
  return x.compareDocumentPosition(y) & 4 ? -1 : 1;
}

/** Every open shadow root at or below `node`, nested ones included. Closed roots are invisible to us. */
export function openShadowRoots(node: Node, found: ShadowRoot[] = []): ShadowRoot[] {
  const visit = (n: Node): void => {
    const s = (n as Partial<Element>).shadowRoot;
    if (s) {
      found.push(s);
      openShadowRoots(s, found);
    }
  };
  visit(node);
  const doc = node.ownerDocument ?? (node as Document);
  const walker = doc.createTreeWalker(node, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) visit(n);
  return found;
}

/** All elements matching `selector` in the given roots, each root's own tree only. */
export function queryAll<E extends Element>(roots: readonly Root[], selector: string): E[] {
  return roots.flatMap((r) => [...r.querySelectorAll<E>(selector)]);
}

/**
 * What a button or link says, normalized; "" for long texts, which are containers rather than
 * controls and would cost a normalize() on every scan of a busy page.
 */
export function controlLabel(el: Element): string {
  const text =
    el.getAttribute("aria-label") ||
    el.textContent?.trim() ||
    el.getAttribute("value") ||
    el.getAttribute("title") ||
    "";
  return text.length > 60 ? "" : normalize(text);
}

/** The text of the elements an element's aria-labelledby names, in its own tree. */
export function labelledByText(el: Element): string {
  const root = el.getRootNode() as Root;
  return (el.getAttribute("aria-labelledby") ?? "")
    .split(/\s+/)
    .map((id) => (id && root.getElementById(id)?.textContent) || "")
    .join(" ");
}

/** The text of a field's <label> elements. */
export function labelsText(el: HTMLInputElement): string {
  return [...(el.labels ?? [])].map((l) => l.textContent).join(" ");
}
