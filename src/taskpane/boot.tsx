/** Puts the right thing on the page once Office has answered: the pane inside Excel, a plain notice elsewhere. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot, type Root } from "react-dom/client";
import type { HostInfo } from "../gateways/office/host";
import { App } from "./App";
import type { PaneGateway } from "./gateway";
import { NotInExcel } from "./NotInExcel";

export function renderPane(container: HTMLElement, host: HostInfo, makeGateway: () => PaneGateway): Root {
  const root = createRoot(container);
  root.render(
    <FluentProvider theme={webLightTheme}>
      {host.inExcel ? <App gateway={makeGateway()} lang={host.lang} /> : <NotInExcel />}
    </FluentProvider>,
  );
  return root;
}
