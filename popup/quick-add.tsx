// Quick add in the popup: the shared entry form, prefilled from what the active IamOffice tab
// tells us (hash hint) or from the pending save prompt, focused on the first field left to fill.
import type { EntryInput } from "../src/protocol";
import { t } from "../src/i18n";
import { EntryForm, type Outcome } from "../src/ui/entry-form";

export interface QuickAddRequest {
  initial: Partial<EntryInput>;
  /** Set when the prompt matched an existing entry: saving updates it. */
  id?: string;
  fromPending: boolean;
}

export function firstEmpty(initial: Partial<EntryInput>): keyof EntryInput {
  if (!initial.workspace) return "workspace";
  if (!initial.identifier) return "identifier";
  if (!initial.password) return "password";
  return "name";
}

export function QuickAdd(props: {
  request: QuickAddRequest;
  onSave: (input: EntryInput) => Promise<Outcome>;
  onCancel: () => void;
}) {
  const title = props.request.id ? t("editWorkspace") : t("addWorkspace");
  return (
    <section class="quick-add" aria-labelledby="quick-add-title">
      <h2 id="quick-add-title">{title}</h2>
      <EntryForm
        label={title}
        initial={props.request.initial}
        focus={firstEmpty(props.request.initial)}
        onSave={props.onSave}
        onCancel={props.onCancel}
      />
    </section>
  );
}
