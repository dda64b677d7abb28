// Popup entry: language first (so the first paint is in the right language), then the app.
import "../src/ui/base.css";
import "./popup.css";
import { render } from "preact";
import { applyDocumentLanguage } from "../src/i18n";
import { Popup } from "./app";
import { prefetchPopupOpen, usePopupConnector } from "./connector";

function ConnectedPopup() {
  const { data, actions } = usePopupConnector();
  return <Popup data={data} actions={actions} />;
}

prefetchPopupOpen();
applyDocumentLanguage();
const root = document.getElementById("app");
if (root) render(<ConnectedPopup />, root);
