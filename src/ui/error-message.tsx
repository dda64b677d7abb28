// Messages live inside an always-present aria-live region: a region created together with its
// text is often not announced, so the container renders even when there is nothing to say.
import type { ComponentChildren } from "preact";
import type { Failure } from "../protocol";
import { failureText } from "./failure";

export function LiveRegion(props: { children?: ComponentChildren; class?: string }) {
  return (
    <div class={props.class ?? "live"} aria-live="polite">
      {props.children}
    </div>
  );
}

export function ErrorMessage(props: { failure: Failure | null; text?: string; id?: string }) {
  if (!props.failure && !props.text) return null;
  return (
    <p class="msg msg-error" id={props.id}>
      {props.text ?? (props.failure ? failureText(props.failure) : "")}
    </p>
  );
}

export function OkMessage(props: { text: string | null; id?: string }) {
  if (!props.text) return null;
  return (
    <p class="msg msg-ok" id={props.id}>
      {props.text}
    </p>
  );
}
