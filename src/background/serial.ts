// Queues that serialise read-modify-write sequences inside one worker lifetime, so two events
// interleaving across `await`s cannot both read state N and both write N+1 (e.g. two tabs
// restored at once both reporting "logged in"). Across worker restarts nothing is in flight;
// the vault's revision check covers separate pages. A queued function must never wait on its
// own queue (it would deadlock): keep them leaf operations.
export function createSerial(): <T>(fn: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
}

/** Vault mutations (src/background/vault/). */
export const serial = createSerial();
/** User settings read-modify-writes (src/background/settings-store.ts). */
export const settingsSerial = createSerial();
/** storage.session read-modify-writes: tab records, the idle clock, the pending login. */
export const sessionSerial = createSerial();
