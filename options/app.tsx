// The options page shell: which screen the vault state calls for, and once unlocked the sections
// with their navigation.
import { useEffect, useLayoutEffect, useState } from "preact/hooks";
import { t } from "../src/i18n";
import { ErrorMessage } from "../src/ui/error-message";
import { UnlockForm } from "../src/ui/unlock-form";
import { canUnlockWithPasskey } from "../src/ui/passkey-unlock";
import { BackupSection } from "./backup-section";
import { CorruptPage } from "./corrupt-page";
import { CreateVault } from "./create-vault";
import { RescueSection } from "./rescue-section";
import { SecuritySection } from "./security-section";
import { SettingsSection } from "./settings-section";
import { focusInView, useStickyBar } from "./sticky-bar";
import { WelcomeCard } from "./welcome-card";
import { WorkspacesSection } from "./workspaces-section";
import { ConnectedFieldMaps } from "./field-maps-section";
import type { OptionsProps } from "./types";

export function OptionsApp({ data, actions }: OptionsProps) {
  const state = data.vault?.state;
  const passkeys = data.vault?.passkeys ?? [];
  return (
    <div class="page" aria-busy={data.vault || data.loadError ? undefined : "true"}>
      <header class="page-head">
        <h1>{t("optionsTitle")}</h1>
        {state === "unlocked" && (
          <button type="button" onClick={() => void actions.vault.lock()}>
            {t("lock")}
          </button>
        )}
      </header>
      {/* The main landmark: screen-reader users jump straight past the title bar. */}
      <main>
        {data.loadError && <ErrorMessage failure={data.loadError} />}
        {state === "none" && <CreateVault actions={actions.vault} />}
        {state === "corrupt" && <CorruptPage actions={actions.vault} />}
        {state === "locked" && (
          <section class="card" aria-labelledby="unlock-title">
            <h2 id="unlock-title">{t("unlockTitle")}</h2>
            <UnlockForm
              onUnlock={actions.vault.unlock}
              retryAfterMs={data.vault?.retryAfterMs ?? 0}
              onPasskey={
                canUnlockWithPasskey(passkeys)
                  ? () => actions.vault.unlockWithPasskey(passkeys)
                  : undefined
              }
            />
          </section>
        )}
        {state === "unlocked" && <Dashboard data={data} actions={actions} />}
      </main>
    </div>
  );
}

function Dashboard({ data, actions }: OptionsProps) {
  const [addRequest, setAddRequest] = useState(0);
  const nav = useStickyBar<HTMLElement>();
  const userInputs = data.entries.flatMap((e) => [e.workspace, e.identifier]);
  // The welcome card belongs to an empty vault. Its buttons put it away; it comes back only
  // once the vault has had a workspace and has none again.
  const empty = data.entries.length === 0 && !data.listError;
  const [welcomeDone, setWelcomeDone] = useState(false);
  useEffect(() => {
    if (!empty) setWelcomeDone(false);
  }, [empty]);
  // "Import a backup" goes to the import form once the card has left (the page moved up).
  const [importRequest, setImportRequest] = useState(false);
  useLayoutEffect(() => {
    if (!importRequest) return;
    setImportRequest(false);
    const file = document.getElementById("import-file");
    focusInView(file, file?.closest("form"), "start");
  }, [importRequest]);
  return (
    <>
      <nav class="nav" ref={nav} aria-label={t("sectionsNav")}>
        <a href="#workspaces">{t("workspacesTitle")}</a>
        <a href="#settings">{t("settingsTitle")}</a>
        <a href="#security">{t("securityTitle")}</a>
        <a href="#backup">{t("backupTitle")}</a>
        <a href="#rescue">{t("rescueTitle")}</a>
        <a href="#taught">{t("taughtTitle")}</a>
      </nav>
      {empty && !welcomeDone && (
        <WelcomeCard
          onAdd={() => {
            setWelcomeDone(true);
            setAddRequest((n) => n + 1);
          }}
          onImport={() => {
            setWelcomeDone(true);
            setImportRequest(true);
          }}
        />
      )}
      <WorkspacesSection
        data={{ entries: data.entries, listError: data.listError }}
        actions={actions.entries}
        addRequest={addRequest}
      />
      <SettingsSection data={{ settings: data.settings }} actions={actions.settings} />
      <SecuritySection
        actions={actions.vault}
        passkeys={actions.passkeys}
        userInputs={userInputs}
      />
      <BackupSection actions={actions.backup} userInputs={userInputs} count={data.entries.length} />
      <RescueSection actions={actions.rescue} save={actions.entries.save} />
      <ConnectedFieldMaps actions={actions.fieldMaps} />
    </>
  );
}
