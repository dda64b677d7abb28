// The vault service, as the rest of the worker sees it: its lifecycle (lifecycle.ts), its entries
// (entries.ts) and its passkeys (passkeys.ts). The stored vault, its key and the failed attempts
// are kept by store.ts, key.ts and throttle.ts, which nothing outside this folder imports.
export { changePassword, create, exportRaw, lock, reset, status, unlock } from "./lifecycle";
export { entries, get, list, markUsed, remove, replaceAll, save } from "./entries";
export {
  addPasskey,
  checkPassword,
  listPasskeys,
  removePasskey,
  unlockWithPasskey,
} from "./passkeys";
