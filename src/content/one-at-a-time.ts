// Runs an async job so that two runs never overlap: a call while a run is in progress asks for
// one more run after it (however many calls came meanwhile). The content script's scans go
// through this: two overlapping scans sent their page-state reports concurrently, and the
// background could apply them in the wrong order (a stale "no login window" over the newer
// "login window", so a window waiting for the unlock was never filled).
export function oneAtATime(job: () => Promise<void>): () => void {
  let running = false;
  let again = false;
  const run = async (): Promise<void> => {
    running = true;
    try {
      do {
        again = false;
        await job().catch(() => undefined);
      } while (again);
    } finally {
      running = false;
    }
  };
  return () => {
    if (running) again = true;
    else void run();
  };
}
