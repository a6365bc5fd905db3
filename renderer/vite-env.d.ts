/// <reference types="vite/client" />
import type { AzrApi } from '../shared/bridge/api';

declare global {
  interface Window {
    /** The bridge to the main process, defined by the preload (Electron) or the browser host. */
    readonly azr?: AzrApi;
  }
}
