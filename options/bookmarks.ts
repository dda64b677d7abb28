// Browser glue for the bookmark rescue: the optional `bookmarks` permission, the search for
// IamOffice bookmarks holding a password, and the two changes the user may ask for. Nothing here
// runs without an explicit click.
import browser from "../src/browser";
import { parseIamOfficeUrl, readIamOfficePassword, stripPassword } from "../src/hash-url";
import type { BookmarkHit, BookmarkSearch } from "./types";

interface Node {
  id: string;
  title: string;
  url?: string;
  children?: Node[];
}

/**
 * Pure: the bookmarks of a tree that hold an IamOffice address with a password, or with text
 * after `password=` that may be one (the user chooses among the candidates).
 */
export function passwordBookmarks(nodes: Node[]): BookmarkHit[] {
  const hits: BookmarkHit[] = [];
  const walk = (list: Node[]) => {
    for (const node of list) {
      if (node.url) {
        const parsed = parseIamOfficeUrl(node.url);
        const reading = readIamOfficePassword(node.url);
        if (parsed && reading && reading.kind !== "none") {
          const hit = {
            id: node.id,
            title: node.title,
            url: node.url,
            safeUrl: stripPassword(node.url),
            workspace: parsed.workspace,
            identifier: parsed.identifier,
          };
          hits.push(
            reading.kind === "exact"
              ? { ...hit, password: reading.password }
              : { ...hit, candidates: reading.candidates },
          );
        }
      }
      if (node.children) walk(node.children);
    }
  };
  walk(nodes);
  return hits;
}

/**
 * Asks for the permission first thing, synchronously inside the click handler's call: Firefox
 * refuses permissions.request outside a user gesture, and any await before it would lose it.
 */
export function findPasswordBookmarks(): Promise<BookmarkSearch> {
  let request: Promise<boolean>;
  try {
    request = browser.permissions.request({ permissions: ["bookmarks"] });
  } catch {
    return Promise.resolve({ ok: false, reason: "unavailable" });
  }
  return request.then(
    async (granted): Promise<BookmarkSearch> => {
      if (!granted) return { ok: false, reason: "denied" };
      try {
        return { ok: true, hits: passwordBookmarks(await browser.bookmarks.getTree()) };
      } catch {
        return { ok: false, reason: "unavailable" };
      }
    },
    (): BookmarkSearch => ({ ok: false, reason: "unavailable" }),
  );
}

export async function stripBookmarkPassword(hit: BookmarkHit): Promise<boolean> {
  try {
    await browser.bookmarks.update(hit.id, { url: stripPassword(hit.url) });
    return true;
  } catch {
    return false;
  }
}

export async function deleteBookmark(hit: BookmarkHit): Promise<boolean> {
  try {
    await browser.bookmarks.remove(hit.id);
    return true;
  } catch {
    return false;
  }
}
