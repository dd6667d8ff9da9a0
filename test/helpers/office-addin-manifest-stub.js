// office-addin-mock requires office-addin-manifest only for this enum; the real module reaches an ESM-only dependency Jest cannot require.
const OfficeApp = { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" };
module.exports = { OfficeApp };
