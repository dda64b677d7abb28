// "Teach the login fields", on the content script's side: started by our background only
// (tab.teach, from the popup, through src/content/tools.ts), it runs pick mode, turns the picks
// into locators (never values) and hands them to the background, which keeps them only for
// this very document and gives the map to the content script (tab.taught).
import { FIELD_ROLES, type FieldMap, type FieldRole } from "../../field-map";
import { send } from "../messages";
import { openShadowRoots } from "../dom";
import { t, type MessageKey } from "../../i18n";
import { locatorOf } from "./locator";
import { startPickMode, type PickTexts } from "./pick-mode";

let active = false;

const STEP_KEYS: Record<FieldRole, MessageKey> = {
  workspace: "teachStepWorkspace",
  identifier: "teachStepIdentifier",
  password: "teachStepPassword",
  submit: "teachStepSubmit",
};

function texts(): PickTexts {
  return {
    step: (role, n, of) => t(STEP_KEYS[role], n, of),
    note: t("teachNote"),
    notThatKind: t("teachNotThatKind"),
    again: t("teachAgain"),
  };
}

/** Starts pick mode once (a second request while it runs is the same one). */
export function teach(doc: Document): boolean {
  if (active) return true;
  active = true;
  startPickMode(doc, texts(), (end) => {
    active = false;
    if (end.outcome !== "saved") {
      void send("content.teachEnded", { outcome: end.outcome });
      return;
    }
    const roots = openShadowRoots(doc);
    const map = Object.fromEntries(
      FIELD_ROLES.map((role) => [role, locatorOf(end.picks[role], doc, roots)]),
    ) as unknown as FieldMap;
    void send("content.taught", { map });
  });
  return true;
}
