// The detection report (src/content/report.ts): what the extension sees of the login window, as
// plain text, with no value in it — not what was typed, not what the extension filled, not a
// value attribute the page wrote, not the address's query or fragment.
import { afterEach, expect, it } from "vitest";
import { detectionReport, DETECTION_VERSION } from "../../src/content/report";
import { loadFixture, type Fixture } from "../fixtures/login/harness";

let open: Fixture | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

const SECRETS = ["typed-by-user-7Qx", "Pw§acme-7f3Kq9-é", "pre-filled-attr-9Zk", "password=b"];

it("outlines label-for.html: the fields, what was taken for what and why, and no value", async () => {
  open = await loadFixture("label-for", { settle: true });
  const doc = open.doc;
  const input = (id: string) => doc.getElementById(id) as HTMLInputElement;
  input("f1").value = SECRETS[0]!;
  input("f3").value = SECRETS[1]!;
  input("f2").setAttribute("value", SECRETS[2]!);
  open.win.history.replaceState(null, "", "/login?x=1#ACME&login=a&password=b");
  const report = detectionReport(doc, { fieldMap: null });
  expect(report).toContain(`Detection version: ${DETECTION_VERSION}`);
  expect(report).toContain("Page: https://soft.iamoffice.net/login (top frame)");
  expect(report).toContain("Taught fields for this page: no");
  expect(report).toMatch(/Inputs \(3\):/);
  for (const secret of SECRETS) expect(report).not.toContain(secret);
});
