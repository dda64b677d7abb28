// JSON.parse typed as the caller expects. Only for JSON of our own making or of tools we run
// (built manifests, reports): its shape is trusted, not checked.

/**
 * @template T
 * @param {string} text
 * @returns {T}
 */
export function parseJson(text) {
  /** @type {unknown} */
  const value = JSON.parse(text);
  return /** @type {T} */ (value);
}
