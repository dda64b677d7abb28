// The options page's passkey actions: the ceremony runs here, the worker checks the master
// password and keeps the wrap (src/background/vault/passkeys.ts).
import { send } from "../src/messaging";
import { settle } from "../src/ui/failure";
import { createPasskey, passkeySupported } from "../src/ui/passkey-ceremony";
import type { PasskeyActions } from "./types";

export const passkeyActions: PasskeyActions = {
  supported: passkeySupported,
  async list() {
    const r = await settle(send("passkey.list"));
    return r.ok ? { ok: true, value: r.value.passkeys } : r;
  },
  async add({ name, password, exclude }) {
    // A wrong password is refused before the authenticator makes a credential for nothing.
    const checked = await settle(send("passkey.checkPassword", { password }));
    if (!checked.ok) return checked;
    const created = await createPasskey(name, exclude);
    if (!created.ok) return created;
    const { credentialId, salt, prf } = created;
    return settle(send("passkey.add", { password, credentialId, salt, prf, name }));
  },
  remove: (credentialId) => settle(send("passkey.remove", { credentialId })),
};
