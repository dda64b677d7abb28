// Copies a password for the user to paste elsewhere. It is not cleared afterwards, and the UI
// says so (the copiedPassword message): clearing safely means reading the clipboard first, so
// as never to wipe something the user copied since, and reading needs a permission
// (clipboardRead, plus an offscreen document in Chrome) that this extension does not ask for.
export interface ClipboardWriter {
  writeText(text: string): Promise<void>;
}

/** Resolves false when the browser refused the write (no focus, no user gesture). */
export async function copyText(
  value: string,
  clipboard: ClipboardWriter = navigator.clipboard,
): Promise<boolean> {
  try {
    await clipboard.writeText(value);
    return true;
  } catch {
    return false;
  }
}
