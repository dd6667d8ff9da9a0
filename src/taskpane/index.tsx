/** The task pane's entry: wait for Office.onReady, then render the pane (or the "open in Excel" notice). */
import { OfficeGateway } from "../gateways/office/gateway";
import { detectHost } from "../gateways/office/host";
import { renderPane } from "./boot";

const container = document.getElementById("root");
if (container) {
  detectHost().then(
    (host) => renderPane(container, host, () => new OfficeGateway()),
    () => renderPane(container, { inExcel: false, lang: "zh-CN" }, () => new OfficeGateway()),
  );
}
