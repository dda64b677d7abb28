// The vocabulary of login windows, French and English. Every pattern is matched against
// normalize()d text, so one lower-case, accent-free spelling covers "Société", "SOCIETE :",
// "societe" and `name="txtSociete"`. Patterns anchor on word starts (\b) only, so stems like
// "ident" cover identifiant/identifier and "user" covers username/userId.

/** Lower-cases, strips accents, splits camelCase and turns any punctuation into one space. */
export function normalize(text: string): string {
  return text
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

// "organization" is also the autocomplete token for the workspace (test/fixtures/login/autocomplete.html).
export const WORKSPACE =
  /\b(espace|workspace|societe|entreprise|company|organi[sz]ation|tenant|domaine?)/;
export const IDENTIFIER = /\b(ident|login|utilisateur|user|pseudo|e ?mail|courriel|compte|account)/;
export const PASSWORD = /\b(mot de passe|pass|mdp)/;
// Fields that are never part of a login window even when they sit next to one
// (test/fixtures/login/distractors.html).
export const IGNORED = /\b(recherch|search|newsletter|filtr|filter)|^q$/;
// Whole-label matches only: "Connexion" is a button, "Connexion perdue ?" is not.
export const SUBMIT = /^((se |me )?connecter|connexion|valider|ok|log ?in|sign in|entrer)$/;
export const LOGOUT = /^((se |me )?deconnecter|deconnexion|log ?out|sign ?out)\b/;
export const RECOVERY = /\b(oubli|forgot|perdu|lost|recuper|recover|reinitiali|reset)/;
