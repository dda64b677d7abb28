// Pages whose login fields the user showed the extension ("Teach the login fields", in the
// popup): that map comes before the extension's own reading of the page. Forget goes back to
// the reading. Lists page paths and dates only; a map holds no value anyway.
import { useCallback, useEffect, useState } from "preact/hooks";
import type { Failure, FieldMapSummary } from "../src/protocol";
import { t } from "../src/i18n";
import { ErrorMessage, LiveRegion } from "../src/ui/error-message";
import type { FieldMapActions } from "./types";

export interface FieldMapsProps {
  pages: FieldMapSummary[] | null;
  failure: Failure | null;
  forget: (page: string) => void;
}

export function FieldMapsSection({ pages, failure, forget }: FieldMapsProps) {
  return (
    <section class="card" id="taught" aria-labelledby="taught-title">
      <h2 id="taught-title">{t("taughtTitle")}</h2>
      <p>{t("taughtIntro")}</p>
      <LiveRegion>
        <ErrorMessage failure={failure} />
      </LiveRegion>
      {pages && pages.length === 0 && <p class="empty">{t("taughtNone")}</p>}
      {pages && pages.length > 0 && (
        <ul class="taught-list">
          {pages.map((p) => (
            <li key={p.page}>
              <code>{p.page}</code>{" "}
              <span>{t("taughtOn", new Date(p.savedAt).toLocaleString())}</span>{" "}
              <button
                type="button"
                aria-label={t("taughtForgetLabel", p.page)}
                onClick={() => forget(p.page)}
              >
                {t("taughtForget")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The section with its list state: the taught pages, and Forget (options/field-map-actions.ts). */
export function ConnectedFieldMaps({ actions }: { actions: FieldMapActions }) {
  const [pages, setPages] = useState<FieldMapSummary[] | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const load = useCallback(async () => {
    const r = await actions.list();
    setFailure(r.ok ? null : r);
    if (r.ok) setPages(r.value);
  }, [actions]);
  useEffect(() => {
    void load();
  }, [load]);
  const forget = (page: string) => {
    void actions.forget(page).then(async (r) => {
      if (!r.ok) setFailure(r);
      await load();
    });
  };
  return <FieldMapsSection pages={pages} failure={failure} forget={forget} />;
}
