// The first steps while the vault holds no workspace: add one, or import a backup. Shown only
// while the list is empty (so it leaves with the first workspace and comes back when the last
// one is deleted), and put away once the user has picked one of its two ways.
import { t } from "../src/i18n";

export function WelcomeCard(props: { onAdd: () => void; onImport: () => void }) {
  return (
    <section class="card welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title">{t("welcomeTitle")}</h2>
      <p>{t("welcomeBody")}</p>
      <div class="actions">
        <button type="button" class="primary" onClick={props.onAdd}>
          {t("welcomeAdd")}
        </button>
        <button type="button" onClick={props.onImport}>
          {t("welcomeImport")}
        </button>
      </div>
    </section>
  );
}
