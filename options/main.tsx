// Options entry: language and title first, then the app.
import "../src/ui/base.css";
import "./options.css";
import "./tables.css";
import { render } from "preact";
import { applyDocumentLanguage, t } from "../src/i18n";
import { OptionsApp } from "./app";
import { useOptionsConnector } from "./connector";

function ConnectedOptions() {
  const { data, actions } = useOptionsConnector();
  return <OptionsApp data={data} actions={actions} />;
}

applyDocumentLanguage();
document.title = t("optionsTitle");
const root = document.getElementById("app");
if (root) render(<ConnectedOptions />, root);
