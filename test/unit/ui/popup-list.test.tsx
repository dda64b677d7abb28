import { describe, expect, it } from "vitest";
import { Popup } from "../../../popup/app";
import type { TabStatus } from "../../../src/protocol";
import {
  accessibleName,
  button,
  click,
  field,
  mount,
  pageText,
  press,
  queryButton,
  type,
} from "./helpers";
import { entry, popupActions, popupData, status } from "./popup-fixtures";

const entryButtons = (root: HTMLElement) => [
  ...root.querySelectorAll<HTMLButtonElement>("button.entry"),
];

describe("popup list", () => {
  it("lists entries most recently used first, without any password", async () => {
    const entries = [
      entry(1, { lastUsedAt: 10 }),
      entry(2, { lastUsedAt: 30, name: "" }),
      entry(3, { lastUsedAt: null }),
      entry(4, { lastUsedAt: 20 }),
    ];
    const root = await mount(<Popup data={popupData({ entries })} actions={popupActions()} />);
    const names = entryButtons(root).map(accessibleName);
    // Entry 2 has no name: it is called by its workspace.
    expect(names.map((n) => n.split(" ")[0])).toEqual(["WS2", "Company", "Company", "Company"]);
    expect(names[1]).toContain("Company 4");
    expect(names[3]).toContain("Company 3");
    expect(names[0]).toContain("user2");
    expect(root.querySelector("input")).toBeNull();
  });

  it("a click logs in with that entry's id", async () => {
    const actions = popupActions();
    const root = await mount(
      <Popup data={popupData({ entries: [entry(1), entry(2)] })} actions={actions} />,
    );
    await click(button(root, "Company 1", { partial: true }));
    expect(actions.login).toHaveBeenCalledWith("id1", { newTab: false });
  });

  it("a failed login shows the translated error", async () => {
    const actions = popupActions({
      login: () => Promise.resolve({ ok: false, error: "login_no_window" }),
    });
    const root = await mount(<Popup data={popupData({ entries: [entry(1)] })} actions={actions} />);
    await click(button(root, "Company 1", { partial: true }));
    expect(pageText(root)).toContain("No IamOffice login window was found in the tab.");
    expect(queryButton(root, "Open in a new tab")).toBeUndefined();
  });

  it("logout failure offers to open a new tab, which retries with newTab", async () => {
    const actions = popupActions({
      login: (_id, { newTab }) =>
        Promise.resolve(newTab ? { ok: true } : { ok: false, error: "login_logout_failed" }),
    });
    const root = await mount(<Popup data={popupData({ entries: [entry(1)] })} actions={actions} />);
    await click(button(root, "Company 1", { partial: true }));
    expect(pageText(root)).toContain("Could not log out");
    await click(button(root, "Open in a new tab"));
    expect(actions.login).toHaveBeenLastCalledWith("id1", { newTab: true });
  });

  it("no filter box up to five entries", async () => {
    const entries = [1, 2, 3, 4, 5].map((n) => entry(n));
    const root = await mount(<Popup data={popupData({ entries })} actions={popupActions()} />);
    expect(root.querySelector("input[type=search]")).toBeNull();
  });

  it("with more than five entries, filters accent- and case-insensitively", async () => {
    const entries = [1, 2, 3, 4, 5].map((n) => entry(n));
    entries.push(entry(6, { name: "Société Générale", workspace: "SOCGEN", identifier: "marie" }));
    const root = await mount(<Popup data={popupData({ entries })} actions={popupActions()} />);
    const filter = field(root, "Filter workspaces");
    await type(filter, "societe");
    expect(entryButtons(root).map(accessibleName)).toEqual(["Société Générale SOCGEN · marie"]);
    await type(filter, "USER3");
    expect(entryButtons(root).map((b) => b.querySelector(".entry-name")?.textContent)).toEqual([
      "Company 3",
    ]);
    await type(filter, "nothing-like-this");
    expect(entryButtons(root)).toHaveLength(0);
    expect(pageText(root)).toContain("No workspace matches.");
  });

  it("Enter in the filter logs into the first match", async () => {
    const actions = popupActions();
    const entries = [1, 2, 3, 4, 5, 6].map((n) => entry(n));
    const root = await mount(<Popup data={popupData({ entries })} actions={actions} />);
    const filter = field(root, "Filter workspaces");
    await type(filter, "ws"); // all match; most recent (6) comes first
    await press(filter, "Enter");
    expect(actions.login).toHaveBeenCalledWith("id6", { newTab: false });
    actions.login.mockClear();
    await type(filter, "user2");
    await press(filter, "Enter");
    expect(actions.login).toHaveBeenCalledWith("id2", { newTab: false });
  });

  it("arrow keys move focus from the filter through the list and back", async () => {
    const entries = [1, 2, 3, 4, 5, 6].map((n) => entry(n));
    const root = await mount(<Popup data={popupData({ entries })} actions={popupActions()} />);
    const filter = field(root, "Filter workspaces");
    const list = entryButtons(root);
    filter.focus();
    await press(filter, "ArrowDown");
    expect(document.activeElement).toBe(list[0]);
    await press(list[0]!, "ArrowDown");
    expect(document.activeElement).toBe(list[1]);
    await press(list[1]!, "ArrowUp");
    expect(document.activeElement).toBe(list[0]);
    await press(list[0]!, "ArrowUp");
    expect(document.activeElement).toBe(filter);
    // The last one stays put on ArrowDown.
    list[5]!.focus();
    await press(list[5]!, "ArrowDown");
    expect(document.activeElement).toBe(list[5]);
  });
});

describe("popup status line", () => {
  const withTab = (tab: TabStatus | null) => popupData({ status: status({ tab }) });

  it("says nothing when the active tab is not IamOffice", async () => {
    const root = await mount(<Popup data={withTab(null)} actions={popupActions()} />);
    expect(root.querySelector(".status-line")?.textContent).toBe("");
  });

  it("logged out", async () => {
    const root = await mount(
      <Popup data={withTab({ tabId: 1, state: "login" })} actions={popupActions()} />,
    );
    expect(root.querySelector(".status-line")?.textContent).toBe(
      "Logged out of IamOffice in this tab.",
    );
  });

  it("logged in as someone, with the minutes left", async () => {
    const root = await mount(
      <Popup
        data={withTab({
          tabId: 1,
          state: "logged-in",
          identifier: "jdoe",
          workspace: "ACME",
          minutesLeft: 6.2,
        })}
        actions={popupActions()}
      />,
    );
    const text = root.querySelector(".status-line")?.textContent;
    expect(text).toContain("Logged in as jdoe (ACME).");
    expect(text).toContain("7 min left before the idle logout");
  });

  it("says which saved password IamOffice refused, and when the user must choose the account", async () => {
    const refused = await mount(
      <Popup
        data={withTab({
          tabId: 1,
          state: "login",
          notice: { kind: "refused", name: "Cabinet Martin" },
        })}
        actions={popupActions()}
      />,
    );
    expect(refused.querySelector(".status-line")?.textContent).toContain(
      "IamOffice refused the saved password for Cabinet Martin. Check it in the options page, then log in below.",
    );
    const choose = await mount(
      <Popup
        data={withTab({ tabId: 1, state: "login", notice: { kind: "choose" } })}
        actions={popupActions()}
      />,
    );
    expect(choose.querySelector(".status-line")?.textContent).toContain(
      "This page asks for another saved account than the usual one: choose it below.",
    );
  });

  it("logged in without a known identifier", async () => {
    const root = await mount(
      <Popup data={withTab({ tabId: 1, state: "logged-in" })} actions={popupActions()} />,
    );
    expect(root.querySelector(".status-line")?.textContent).toBe("Logged in to IamOffice.");
  });
});
