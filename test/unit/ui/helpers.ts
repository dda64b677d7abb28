// Tiny DOM helpers for component tests (no testing-library): mount with preact's render, find
// things the way a user does (label text, button name, visible text), act, and flush.
import { readFileSync } from "node:fs";
import { afterEach } from "vitest";
import { fakeBrowser } from "@webext-core/fake-browser";
import { render, type ComponentChild } from "preact";
import { act } from "preact/test-utils";

type Catalogue = Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;

export function loadCatalogue(lang: "en" | "fr"): Catalogue {
  return JSON.parse(
    readFileSync(`${process.cwd()}/public/_locales/${lang}/messages.json`, "utf8"),
  ) as Catalogue;
}

/** Chrome's getMessage rules: `$NAME$` → placeholder content, whose `$1`… are substitutions. */
export function formatMessage(catalogue: Catalogue, key: string, subs?: string | string[]): string {
  const entry = catalogue[key];
  if (!entry) return "";
  const args = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  const fill = (text: string) =>
    text.replace(/\$(\d)/g, (_, n: string) => args[Number(n) - 1] ?? "");
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$|\$\$/g, (whole, name?: string) => {
    if (!name) return "$";
    const placeholder = entry.placeholders?.[name.toLowerCase()];
    return placeholder ? fill(placeholder.content) : whole;
  });
}

/** fake-browser has no i18n: plug the real catalogue in so tests read real sentences. */
export function installCatalogue(lang: "en" | "fr" = "en"): void {
  const catalogue = loadCatalogue(lang);
  fakeBrowser.i18n.getMessage = (key: string, subs?: string | string[]) =>
    formatMessage(catalogue, key, subs);
  fakeBrowser.i18n.getUILanguage = () => lang;
}

installCatalogue("en");

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const root of mounted.splice(0)) {
    render(null, root);
    root.remove();
  }
});

export async function mount(vnode: ComponentChild): Promise<HTMLElement> {
  const root = document.createElement("div");
  document.body.append(root);
  mounted.push(root);
  await act(() => {
    render(vnode, root);
  });
  return root;
}

/** Lets pending promises (mocked actions) and Preact's batched renders settle. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
  }
}

const text = (el: Element) => (el.textContent ?? "").replace(/\s+/g, " ").trim();

/** Accessible-name approximation: aria-label, else text content. */
export function accessibleName(el: Element): string {
  return el.getAttribute("aria-label") ?? text(el);
}

export function buttons(root: ParentNode): HTMLButtonElement[] {
  return [...root.querySelectorAll("button")];
}

/** The button whose name is exactly `name` (or contains it, with `{ partial: true }`). */
export function button(root: ParentNode, name: string, opts: { partial?: boolean } = {}) {
  const found = buttons(root).find((b) =>
    opts.partial ? accessibleName(b).includes(name) : accessibleName(b) === name,
  );
  if (!found) {
    throw new Error(`No button "${name}" in: ${buttons(root).map(accessibleName).join(" | ")}`);
  }
  return found;
}

export function queryButton(root: ParentNode, name: string): HTMLButtonElement | undefined {
  return buttons(root).find((b) => accessibleName(b) === name);
}

/** The control labelled exactly `label` (through `<label for>`, a wrapping label or aria-label). */
export function field<T extends HTMLElement = HTMLInputElement>(
  root: ParentNode,
  label: string,
): T {
  const labels = [...root.querySelectorAll("label")];
  const match = labels.find((l) => text(l) === label);
  const control =
    (match?.htmlFor ? document.getElementById(match.htmlFor) : match?.querySelector("input")) ??
    // Controls inside table cells are named with aria-label.
    [...root.querySelectorAll("[aria-label]")].find(
      (el) => el.getAttribute("aria-label") === label,
    );
  if (!control) {
    throw new Error(`No field labelled "${label}" in: ${labels.map(text).join(" | ")}`);
  }
  return control as T;
}

export function hasField(root: ParentNode, label: string): boolean {
  return [...root.querySelectorAll("label")].some((l) => text(l) === label);
}

export function pageText(root: Element): string {
  return text(root);
}

export async function type(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

export async function change(input: HTMLInputElement | HTMLSelectElement, value?: string) {
  await act(() => {
    if (value !== undefined) input.value = value;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });
  await flush();
}

export async function toggle(checkbox: HTMLInputElement) {
  await act(() => {
    checkbox.click();
  });
  await flush();
}

export async function click(el: HTMLElement) {
  await act(() => {
    el.click();
  });
  await flush();
}

export async function press(el: HTMLElement, key: string) {
  await act(() => {
    el.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true }));
  });
  await flush();
}

/** A deferred promise, to hold an action open and look at the busy state. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
