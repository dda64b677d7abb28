// The options page's taught-fields actions: the list of taught pages and Forget, through the
// protocol (src/background/field-maps.ts).
import { send } from "../src/messaging";
import { settle } from "../src/ui/failure";
import type { FieldMapActions } from "./types";

export const fieldMapActions: FieldMapActions = {
  async list() {
    const r = await settle(send("fieldMaps.list"));
    return r.ok ? { ok: true, value: r.value.pages } : r;
  },
  forget: (page) => settle(send("fieldMaps.forget", { page })),
};
