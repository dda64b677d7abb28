// Serialises vault mutations inside one worker lifetime, so two requests that interleave across
// `await`s cannot both read revision N and both write N+1. Across worker restarts there is no
// in-flight request to race with; the revision check covers separate pages.
let tail: Promise<unknown> = Promise.resolve();

export function serial<T>(fn: () => Promise<T>): Promise<T> {
  const run = tail.then(fn, fn);
  tail = run.catch(() => undefined);
  return run;
}
