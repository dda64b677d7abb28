// Self time per function in a CDP CPU profile, for the diagnosis aids (profile-spa.mjs,
// profile-fill.mjs): samples counted per function name and script (the last two path
// segments, and the line when asked), most first.

/**
 * @param {import("devtools-protocol").Protocol.Profiler.Profile} profile
 * @param {{ withLine?: boolean }} [options]
 * @returns {[string, number][]} [function and script, samples]
 */
export function selfSamples(profile, { withLine = false } = {}) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  /** @type {Map<string, number>} */
  const self = new Map();
  for (const id of profile.samples ?? []) {
    const frame = nodes.get(id)?.callFrame;
    if (!frame) continue;
    const file = frame.url.split("/").slice(-2).join("/");
    const where = frame.url ? ` ${file}${withLine ? `:${frame.lineNumber}` : ""}` : "";
    const key = `${frame.functionName || "(anonymous)"}${where}`;
    self.set(key, (self.get(key) ?? 0) + 1);
  }
  return [...self].sort((x, y) => y[1] - x[1]);
}
