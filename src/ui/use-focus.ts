// `autofocus` only works on page load; components that appear later focus themselves.
import { useEffect, useRef } from "preact/hooks";

export function useAutoFocus<T extends HTMLElement>(enabled = true) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (enabled) ref.current?.focus();
  }, [enabled]);
  return ref;
}
