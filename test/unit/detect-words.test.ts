// The vocabulary: French and English, whatever the case, accents or punctuation.
import { describe, expect, it } from "vitest";
import { kindOf } from "../../src/content/detect/fields";
import { LOGOUT, normalize, SUBMIT } from "../../src/content/words";

describe("normalize", () => {
  it.each([
    ["ESPACE DE TRAVAIL :", "espace de travail"],
    ["Société", "societe"],
    ["  Mot   de passe*", "mot de passe"],
    ["J'ai oublié mes identifiants", "j ai oublie mes identifiants"],
    ["txtUserName", "txt user name"],
    ["ctl00$login_id", "ctl00 login id"],
    ["E-mail", "e mail"],
  ])("%j → %j", (text, expected) => expect(normalize(text)).toBe(expected));
});

describe("kindOf", () => {
  it.each([
    ["Espace de travail", "workspace"],
    ["ESPACE DE TRAVAIL :", "workspace"],
    ["Espace", "workspace"],
    ["Workspace", "workspace"],
    ["Société", "workspace"],
    ["SOCIETE", "workspace"],
    ["organization", "workspace"],
    ["txtEspace", "workspace"],
    ["Identifiant", "identifier"],
    ["identifiant :", "identifier"],
    ["Login", "identifier"],
    ["Utilisateur", "identifier"],
    ["Nom d'utilisateur", "identifier"],
    ["User", "identifier"],
    ["username", "identifier"],
    ["loginName", "identifier"],
    ["Adresse e-mail", "identifier"],
    ["Courriel", "identifier"],
    ["Mot de passe", "password"],
    ["Password", "password"],
    ["current-password", "password"],
    ["Rechercher", "ignored"],
    ["Rechercher un utilisateur", "ignored"],
    ["Search", "ignored"],
    ["Newsletter e-mail", "ignored"],
  ])("%j → %s", (text, kind) => expect(kindOf(text)).toBe(kind));

  it.each([
    ["", "no text"],
    ["input_8f3a", "a generated name"],
    ["off", "autocomplete=off"],
    ["Identifiant de l'espace", "two kinds at once"],
    ["Téléphone", "another field"],
  ])("%j names no kind (%s)", (text) => expect(kindOf(text)).toBeUndefined());
});

describe("control labels", () => {
  it.each([
    "connexion",
    "se connecter",
    "me connecter",
    "valider",
    "ok",
    "login",
    "log in",
    "sign in",
  ])("%j submits a login", (label) => expect(SUBMIT.test(normalize(label))).toBe(true));

  it.each(["connexion perdue", "j ai oublie mes identifiants", "annuler", "deconnexion"])(
    "%j does not",
    (label) => expect(SUBMIT.test(label)).toBe(false),
  );

  it.each(["Déconnexion", "Se déconnecter", "Logout", "Log out", "Sign out", "DECONNEXION"])(
    "%j logs out",
    (label) => expect(LOGOUT.test(normalize(label))).toBe(true),
  );

  it.each(["Connexion", "Déconnecté depuis 20 minutes", "Mon compte"])("%j does not", (label) =>
    expect(LOGOUT.test(normalize(label))).toBe(false),
  );
});
