import { describe, expect, it } from "vitest";
import { checkMasterPassword } from "../../src/ui/password-strength";

describe("master password strength", () => {
  it.each(["", "short", "Tr0ub4dor", "été-2026!"])("refuses %j as too short", (pw) => {
    expect(checkMasterPassword(pw)).toEqual({ ok: false, reason: "too_short" });
  });

  it("counts characters, not UTF-16 units", () => {
    // 9 emoji = 18 UTF-16 units, still 9 characters.
    expect(checkMasterPassword("🔒".repeat(9))).toMatchObject({ reason: "too_short" });
  });

  it.each([
    ["a common password", "password123"],
    ["a French keyboard row", "azertyuiop"],
    ["a repeated character", "aaaaaaaaaaaa"],
    ["a sequence", "0123456789"],
    ["the product's name", "iamoffice2026"],
  ])("refuses %s as too weak", (_, pw) => {
    expect(checkMasterPassword(pw)).toMatchObject({ ok: false, reason: "too_weak" });
  });

  it("gives a feedback key the UI can translate", () => {
    const r = checkMasterPassword("azertyuiop");
    expect(r.ok === false && r.feedback).toMatch(/^[a-zA-Z]+$/);
  });

  it("refuses a password made of the user's own workspace, for that user only", () => {
    const pw = "CabinetDurand2026";
    expect(checkMasterPassword(pw, { userInputs: ["CabinetDurand"] })).toMatchObject({
      reason: "too_weak",
    });
    // zxcvbn keeps user inputs in global state: the next check must not inherit them.
    expect(checkMasterPassword(pw)).toEqual({ ok: true });
  });

  it("judges a very long pasted password on its first 100 characters", () => {
    // Unbounded, zxcvbn needs tens of seconds for this input (and would hit the test timeout).
    expect(checkMasterPassword("ab1".repeat(5000))).toMatchObject({ reason: "too_weak" });
    expect(checkMasterPassword("a".repeat(100) + "k7#Qm2!xLp9$")).toMatchObject({
      reason: "too_weak",
    });
  });

  it.each(["cheval agrafe pile correcte", "Vœu d'été : sept chevaux bleus", "k7#Qm2!xLp9$"])(
    "accepts %j",
    (pw) => {
      expect(checkMasterPassword(pw)).toEqual({ ok: true });
    },
  );
});
