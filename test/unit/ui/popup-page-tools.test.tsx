// The popup on an IamOffice tab: the read-only workspace notice (one click logs in with the
// entry it names), "Teach the login fields", and "Copy a detection report".
import { describe, expect, it } from "vitest";
import { Popup } from "../../../popup/app";
import type { TabStatus } from "../../../src/protocol";
import { button, click, field, mount, pageText, queryButton } from "./helpers";
import { entry, popupActions, popupData, status } from "./popup-fixtures";

const onTab = (tab: TabStatus | null, entries = [entry(1), entry(2)]) =>
  popupData({ status: status({ tab }), entries });

describe("popup on an IamOffice tab", () => {
  it("a read-only workspace naming another entry: says so, one click logs in with it", async () => {
    const actions = popupActions();
    const root = await mount(
      <Popup
        data={onTab({ tabId: 4, state: "login", notice: { kind: "workspace", entryIds: ["id2"] } })}
        actions={actions}
      />,
    );
    expect(pageText(root)).toContain("IamOffice shows the workspace “WS2” here.");
    expect(root.querySelector(".status-line")?.textContent).toContain("nothing was filled");
    await click(button(root, "Log in with Company 2"));
    expect(actions.login).toHaveBeenCalledWith("id2", { newTab: false });
  });

  it("teaches the fields of that very tab", async () => {
    const actions = popupActions();
    const root = await mount(
      <Popup data={onTab({ tabId: 4, state: "login" })} actions={actions} />,
    );
    await click(button(root, "Teach the login fields"));
    expect(actions.teach).toHaveBeenCalledWith(4);
  });

  it("shows the detection report it copied", async () => {
    const actions = popupActions({
      report: () => Promise.resolve({ ok: true as const, value: "Detection version: x" }),
    });
    const root = await mount(
      <Popup data={onTab({ tabId: 4, state: "login" })} actions={actions} />,
    );
    await click(button(root, "Copy a detection report"));
    expect(actions.report).toHaveBeenCalledWith(4);
    expect(field<HTMLTextAreaElement>(root, "Detection report").value).toBe("Detection version: x");
  });

  it("offers neither when no IamOffice tab is open", async () => {
    const root = await mount(<Popup data={onTab(null)} actions={popupActions()} />);
    expect(queryButton(root, "Teach the login fields")).toBeUndefined();
    expect(queryButton(root, "Copy a detection report")).toBeUndefined();
  });
});
