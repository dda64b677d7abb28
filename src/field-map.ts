// A field map: where the user showed the extension the login window's fields on one IamOffice
// page ("Teach the login fields"), kept in storage.local and used before the heuristics from
// then on. Locators only, never a value: tag and input type, id, name, the text that names the
// element and its rank among controls of the same kind (src/content/teach/locator.ts finds
// them again). Pure: shared by the content script, the background and the options page.
import { isRecord } from "./guards";

export interface Locator {
  tag: string;
  type: string;
  id: string;
  name: string;
  label: string;
  /** Rank among the page's controls of the same tag and type, in composed order (-1: none). */
  index: number;
}

export interface FieldMap {
  workspace: Locator;
  identifier: Locator;
  password: Locator;
  submit: Locator;
}

export const FIELD_ROLES = ["workspace", "identifier", "password", "submit"] as const;
export type FieldRole = (typeof FIELD_ROLES)[number];

export const MAX_LOCATOR_TEXT = 100;
/** At most this many pages keep a field map; the oldest goes first. */
export const MAX_FIELD_MAPS = 50;

const text = (x: unknown): x is string => typeof x === "string" && x.length <= MAX_LOCATOR_TEXT;

function isLocator(o: unknown): o is Locator {
  return (
    isRecord(o) &&
    text(o.tag) &&
    /^[a-z][a-z0-9-]*$/.test(o.tag) &&
    text(o.type) &&
    text(o.id) &&
    text(o.name) &&
    text(o.label) &&
    typeof o.index === "number" &&
    Number.isInteger(o.index) &&
    o.index >= -1 &&
    o.index < 10_000
  );
}

/** A well-formed field map: four locators, nothing else kept. */
export function asFieldMap(o: unknown): FieldMap | null {
  if (!isRecord(o)) return null;
  if (!FIELD_ROLES.every((role) => isLocator(o[role]))) return null;
  const pick = (l: Locator): Locator => ({
    tag: l.tag,
    type: l.type,
    id: l.id,
    name: l.name,
    label: l.label,
    index: l.index,
  });
  return {
    workspace: pick(o.workspace as Locator),
    identifier: pick(o.identifier as Locator),
    password: pick(o.password as Locator),
    submit: pick(o.submit as Locator),
  };
}

/** Which page a field map belongs to: the path of an IamOffice address (no query, no fragment). */
export function pageKey(url: string | undefined): string | null {
  try {
    const path = new URL(url ?? "").pathname;
    return path.length <= 500 ? path : null;
  } catch {
    return null;
  }
}
