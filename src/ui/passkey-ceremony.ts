// The WebAuthn ceremonies of passkey unlock. They run in the page (the worker has no
// navigator.credentials); the PRF output goes to the worker in one message and is not kept here.
// The credential is non-discoverable (allowCredentials names it) and its PRF input is a random
// salt per passkey. Relying party: Chromium gives an extension page its own origin
// (chrome-extension://<id>, rp.id left out); Firefox lets an extension claim only a web domain
// it has host access to, so there it is IamOffice's (docs/passkey-unlock.md).
import type { Failure } from "../protocol";
import type { PasskeyRequest } from "../passkey-protocol";

const RP_NAME = "IamOffice Login";
const FIREFOX_RP_ID = "soft.iamoffice.net";
const TIMEOUT_MS = 120_000;

type Got = { ok: true; credentialId: string; prf: string };
export type Created = Got & { salt: string };

const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));

function toBase64(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let binary = "";
  for (const b of view) binary += String.fromCharCode(b);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

const base64url = (text: string) => text.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

/** Where the extension page's scheme allows no own relying party (Firefox's moz-extension:). */
function rpId(): string | undefined {
  return location.protocol === "moz-extension:" ? FIREFOX_RP_ID : undefined;
}

/** Whether this page can run a WebAuthn ceremony with the PRF extension at all. */
export async function passkeySupported(): Promise<boolean> {
  if (typeof PublicKeyCredential !== "function" || !navigator.credentials) return false;
  if (typeof PublicKeyCredential.getClientCapabilities !== "function") return true;
  try {
    const caps = (await PublicKeyCredential.getClientCapabilities()) as Record<string, unknown>;
    return caps["extension:prf"] !== false;
  } catch {
    return false;
  }
}

/** A refused, cancelled or timed-out ceremony; a browser or authenticator that cannot do it. */
function ceremonyFailure(thrown: unknown): Failure {
  const name = thrown instanceof DOMException ? thrown.name : "";
  const unsupported = name === "NotSupportedError" || name === "SecurityError";
  // The exception's name only (never its text): tests and bug reports tell the cases apart.
  const error = unsupported ? "passkey_unsupported" : "passkey_cancelled";
  return { ok: false, error, ...(name ? { detail: name } : {}) };
}

const prfOf = (cred: PublicKeyCredential): BufferSource | undefined =>
  cred.getClientExtensionResults().prf?.results?.first;

const asBytes = (b: BufferSource): Uint8Array =>
  b instanceof ArrayBuffer
    ? new Uint8Array(b)
    : new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/** Asks the authenticator for the PRF output of one of `requests`' credentials. */
export async function getPrf(requests: PasskeyRequest[]): Promise<Got | Failure> {
  let cred: Credential | null;
  try {
    cred = await navigator.credentials.get({
      publicKey: {
        challenge: random(32),
        ...(rpId() ? { rpId: rpId() } : {}),
        allowCredentials: requests.map((r) => ({
          type: "public-key" as const,
          id: fromBase64(r.credentialId),
        })),
        userVerification: "required",
        timeout: TIMEOUT_MS,
        extensions: {
          prf: {
            evalByCredential: Object.fromEntries(
              requests.map((r) => [base64url(r.credentialId), { first: fromBase64(r.salt) }]),
            ),
          },
        },
      },
    });
  } catch (error) {
    return ceremonyFailure(error);
  }
  if (!(cred instanceof PublicKeyCredential)) return { ok: false, error: "passkey_cancelled" };
  const prf = prfOf(cred);
  if (!prf) return { ok: false, error: "passkey_unsupported" };
  return { ok: true, credentialId: toBase64(cred.rawId), prf: toBase64(asBytes(prf)) };
}

/**
 * Creates a non-discoverable credential with the PRF extension and gets its PRF output for a
 * fresh random salt: from the creation itself where the authenticator answers it there, else
 * from a second ceremony with the new credential.
 */
export async function createPasskey(
  userName: string,
  exclude: string[],
): Promise<Created | Failure> {
  const salt = random(32);
  let cred: Credential | null;
  try {
    cred = await navigator.credentials.create({
      publicKey: {
        rp: { name: RP_NAME, ...(rpId() ? { id: rpId() } : {}) },
        user: { id: random(16), name: userName, displayName: userName },
        challenge: random(32),
        pubKeyCredParams: [
          { type: "public-key", alg: -7 },
          { type: "public-key", alg: -257 },
        ],
        authenticatorSelection: { residentKey: "discouraged", userVerification: "required" },
        excludeCredentials: exclude.map((id) => ({ type: "public-key", id: fromBase64(id) })),
        attestation: "none",
        timeout: TIMEOUT_MS,
        extensions: { prf: { eval: { first: salt } } },
      },
    });
  } catch (error) {
    return ceremonyFailure(error);
  }
  if (!(cred instanceof PublicKeyCredential)) return { ok: false, error: "passkey_cancelled" };
  const ext = cred.getClientExtensionResults().prf;
  if (!ext?.enabled) return { ok: false, error: "passkey_unsupported" };
  const credentialId = toBase64(cred.rawId);
  const saltText = toBase64(salt);
  const first = prfOf(cred);
  if (first) return { ok: true, credentialId, prf: toBase64(asBytes(first)), salt: saltText };
  const got = await getPrf([{ credentialId, salt: saltText }]);
  return got.ok ? { ...got, salt: saltText } : got;
}
