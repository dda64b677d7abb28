// The master password's length rule: the worker enforces it (vault creation, change of master
// password, backup export) without loading zxcvbn, which only the options page adds on top
// (src/ui/password-strength.ts). One definition for both. Pure.
export const MIN_MASTER_LENGTH = 10;

/**
 * Characters as the user counts them: code points after NFC, so "é" typed precomposed or
 * decomposed, or an emoji, counts as one.
 */
export function passwordLength(password: string): number {
  return [...password.normalize("NFC")].length;
}

export function isLongEnough(password: string): boolean {
  return passwordLength(password) >= MIN_MASTER_LENGTH;
}
