/**
 * The renderer is served from a custom, privileged scheme instead of file:// so that it has a real
 * origin for the CSP, cannot read arbitrary files and every bridge call can be tied to it.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'azr-desk';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/`;
export const APP_ENTRY_URL = `${APP_URL}index.html`;
