// Copy a password and clear it again after a while, but only if the clipboard still holds our
// value: wiping something the user copied since would be worse than leaving ours.
export const CLIPBOARD_CLEAR_MS = 30_000;

export interface ClipboardLike {
  writeText(text: string): Promise<void>;
  readText(): Promise<string>;
}

/**
 * Reading the clipboard needs a permission we do not hold by default; asking for it 30 s later
 * would pop a prompt out of nowhere. So we only read when the permission is already granted,
 * and otherwise leave the clipboard alone (best effort, as promised in the UI).
 */
async function canRead(): Promise<boolean> {
  try {
    const status = await navigator.permissions.query({
      name: "clipboard-read" as PermissionName,
    });
    return status.state === "granted";
  } catch {
    return false;
  }
}

export async function copyWithExpiry(
  value: string,
  options: { clipboard?: ClipboardLike; delayMs?: number; readable?: () => Promise<boolean> } = {},
): Promise<boolean> {
  const clipboard = options.clipboard ?? navigator.clipboard;
  try {
    await clipboard.writeText(value);
  } catch {
    return false;
  }
  setTimeout(() => {
    void (async () => {
      if (!(await (options.readable ?? canRead)())) return;
      try {
        if ((await clipboard.readText()) === value) await clipboard.writeText("");
      } catch {
        // Page closed or focus lost: nothing more we can do.
      }
    })();
  }, options.delayMs ?? CLIPBOARD_CLEAR_MS);
  return true;
}
