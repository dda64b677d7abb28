// "Unlock with passkey", beside the master password field when passkeys are set up: focused
// first, and a cancelled or failed ceremony hands over to the password field with the reason.
// `unlockWithPasskey` is the connectors' half: the ceremony here in the page, then the PRF
// output to the worker in one message.
import { useState } from "preact/hooks";
import { send } from "../messaging";
import type { PasskeyRequest } from "../passkey-protocol";
import type { Failure } from "../protocol";
import { fireAndForget } from "../fire-and-forget";
import { t } from "../i18n";
import type { Outcome } from "./entry-form";
import { settle } from "./failure";
import { getPrf } from "./passkey-ceremony";
import { useAutoFocus } from "./use-focus";

/** Whether this page can offer the passkey unlock for `requests` (a vault's passkeys). */
export function canUnlockWithPasskey(requests: PasskeyRequest[] | undefined): boolean {
  return !!requests?.length && typeof PublicKeyCredential === "function";
}

export async function unlockWithPasskey(requests: PasskeyRequest[]): Promise<Outcome> {
  const got = await getPrf(requests);
  if (!got.ok) return got;
  return settle(send("passkey.unlock", { credentialId: got.credentialId, prf: got.prf }));
}

export function PasskeyUnlockButton(props: {
  onUnlock: () => Promise<Outcome>;
  onStart: () => void;
  onFailure: (failure: Failure) => void;
  disabled: boolean;
}) {
  const [busy, setBusy] = useState(false);
  const button = useAutoFocus<HTMLButtonElement>(true);
  const click = async () => {
    if (busy) return;
    setBusy(true);
    props.onStart();
    const r = await props.onUnlock();
    setBusy(false);
    if (!r.ok) props.onFailure(r);
  };
  return (
    <div class="passkey-unlock">
      <div class="actions">
        <button
          type="button"
          class="primary"
          ref={button}
          disabled={busy || props.disabled}
          aria-busy={busy ? "true" : undefined}
          onClick={fireAndForget(click)}
        >
          {t("unlockWithPasskey")}
        </button>
      </div>
      <p class="hint">{t("passkeyOrPassword")}</p>
    </div>
  );
}
