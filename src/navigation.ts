// Which page loads may choose the saved account through the vendor's `#ESPACE&login=…`
// fragment. Only the user's own navigation may: an address typed or pasted, a bookmark, a link
// opened from another application. A page on soft.iamoffice.net can write its own fragment
// (history.replaceState before our script runs, location.replace to a new address, a link it
// shows, a reload of an address it rewrote), so the browser's account of the navigation — the
// webNavigation transition — decides, never the URL the page shows. Pure: tested without a
// browser (test/unit/navigation.test.ts).
import { parseVendorFragment } from "./hash-url";

/** What webNavigation.onCommitted says about a top-frame navigation. */
export interface CommittedNavigation {
  url: string;
  transitionType?: string;
  transitionQualifiers?: readonly string[];
}

/** The account a page load names (never a password), and whether the user chose it. */
export interface AccountHint {
  workspace?: string;
  identifier?: string;
  /** The user's own navigation carried the fragment: the hint may pick among saved accounts. */
  trusted: boolean;
}

// Transitions that start from the browser's own UI or another application, not from a page:
// typed/pasted in the address bar, a bookmark, a search keyword, the start page, a URL handed
// over by another program (a new top-level window without an opener page).
const USER_TRANSITIONS = new Set([
  "typed",
  "auto_bookmark",
  "generated",
  "keyword",
  "keyword_generated",
  "start_page",
  "auto_toplevel",
]);

/**
 * Whether the browser reports the navigation as the user's own. A redirect made by a page
 * script or meta refresh, and going back or forward to an address a page may have written,
 * never are; a link is not either (it may be the page's own link, and the browser does not say
 * which page it was on).
 */
export function isUserNavigation(nav: CommittedNavigation): boolean {
  const qualifiers = nav.transitionQualifiers ?? [];
  if (qualifiers.includes("client_redirect") || qualifiers.includes("forward_back")) return false;
  if (qualifiers.includes("from_address_bar")) return true;
  return USER_TRANSITIONS.has(nav.transitionType ?? "");
}

/** The hint to keep for a committed navigation: workspace and identifier only, never a password. */
export function accountHint(nav: CommittedNavigation): AccountHint {
  let hash = "";
  try {
    hash = new URL(nav.url).hash;
  } catch {
    // Not a URL: no hint.
  }
  const { workspace, identifier } = parseVendorFragment(hash);
  return {
    ...(workspace ? { workspace } : {}),
    ...(identifier ? { identifier } : {}),
    trusted: isUserNavigation(nav),
  };
}
