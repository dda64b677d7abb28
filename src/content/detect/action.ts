// A form whose action (or its button's formaction) points to another origin would hand the
// credentials to that origin: never fill or submit it (test/fixtures/login/foreign-action.html).

/** Would submitting `form` (with `submitter`) send its fields to another origin than the page's? */
export function postsElsewhere(form: HTMLFormElement, submitter?: Element | null): boolean {
  const doc = form.ownerDocument;
  // Stricter than the browser: an empty formaction still falls back to the form's action.
  const action = submitter?.getAttribute("formaction") || form.getAttribute("action");
  if (!action) return false; // no action: the form posts back to the page's own URL
  try {
    // baseURI, not the page URL: a planted <base href> redirects relative actions too.
    return new URL(action, doc.baseURI).origin !== doc.location.origin;
  } catch {
    return true;
  }
}
