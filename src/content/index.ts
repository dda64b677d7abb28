// Content script entry (top frame of https://soft.iamoffice.net only, see manifest.json).
// Marks the document so end-to-end tests can prove where the script runs.
document.documentElement.dataset.iamofficeLogin = "ready";
