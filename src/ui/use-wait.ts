// A "not before" instant that re-renders the component when it passes (unlock retry delay).
import { useEffect, useState } from "preact/hooks";

export function useWaitUntil(initialDelayMs: number) {
  const [until, setUntil] = useState(() => (initialDelayMs > 0 ? Date.now() + initialDelayMs : 0));
  const [, tick] = useState(0);
  const waiting = until > Date.now();
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => tick((n) => n + 1), until - Date.now() + 20);
    return () => clearTimeout(timer);
  }, [until, waiting]);
  return {
    waiting,
    waitFor(ms: number) {
      setUntil(ms > 0 ? Date.now() + ms : 0);
    },
  };
}
