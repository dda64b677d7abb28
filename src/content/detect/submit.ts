// The control that sends the login window: a button or link labelled like a login action, or
// failing that the first submit button. Searched near the fields first, because a page-wide
// <form> (ASP.NET style) also holds the search box's "OK" (test/fixtures/login/aspnet.html).
import { controlLabel, up, type VisibleCheck } from "../dom";
import { PASSWORD, RECOVERY, SUBMIT } from "../words";

const CONTROLS =
  "button,input[type=submit],input[type=image],input[type=button],a[href],[role=button]";

const isSubmitType = (el: Element): boolean =>
  /^(button|input)$/.test(el.localName) && /^(submit|image)$/.test((el as HTMLButtonElement).type);

function pick(
  controls: Iterable<Element>,
  form: HTMLFormElement | null,
  visible: VisibleCheck,
): HTMLElement | null {
  let fallback: HTMLElement | null = null;
  for (const el of controls) {
    // A button of another form (a newsletter's "OK" inside the login card) sends that form.
    if (!el.matches(CONTROLS) || ("form" in el && el.form !== form)) continue;
    const label = controlLabel(el);
    if (SUBMIT.test(label)) {
      if (visible(el)) return el as HTMLElement;
    } else if (
      !fallback &&
      isSubmitType(el) &&
      // A "show password" toggle or a recovery button left as type=submit is no login button.
      !PASSWORD.test(label) &&
      !RECOVERY.test(label) &&
      visible(el)
    ) {
      fallback = el as HTMLElement;
    }
  }
  return fallback;
}

/**
 * Visible but possibly disabled: some pages enable the button only once every field is set
 * (test/fixtures/login/disabled-submit.html), so submitLogin waits for it.
 */
export function findSubmit(
  password: HTMLInputElement,
  box: Element,
  visible: VisibleCheck,
): HTMLElement | null {
  const form = password.form;
  // A few levels up from the fields' box: actions often sit in a footer next to it.
  for (let b: Element | null = box, level = 0; b && level < 4; b = up(b), level++) {
    const hit = pick(b.querySelectorAll(CONTROLS), form, visible);
    if (hit) return hit;
    if (b === form || b.matches("dialog,[role=dialog]")) break;
  }
  // A submit button tied to the form from elsewhere (form="…").
  return form ? pick(form.elements, form, visible) : null;
}
