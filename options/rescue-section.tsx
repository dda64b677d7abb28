// Rescue: move the vendor's password-bearing bookmarks into the vault.
import { t } from "../src/i18n";
import { BookmarkFinder } from "./bookmark-finder";
import { PasteRescue } from "./rescue-paste";
import type { EntryActions, RescueActions } from "./types";

export function RescueSection(props: { actions: RescueActions; save: EntryActions["save"] }) {
  return (
    <section id="rescue" aria-labelledby="rescue-title">
      <h2 id="rescue-title">{t("rescueTitle")}</h2>
      <p>{t("rescueIntro")}</p>
      <PasteRescue parse={props.actions.parse} save={props.save} />
      <BookmarkFinder actions={props.actions} save={props.save} />
    </section>
  );
}
