/** Where a bridge call came from, as each host can tell it. */
export interface BridgeSender {
  /** URL of the calling frame (Electron) or the request's Origin (browser host). */
  readonly url: string;
  /** Whether the caller is the top-level page, not an embedded frame. */
  readonly isMainFrame: boolean;
}

export type TrustedSenderCheck = (sender: BridgeSender) => boolean;

/**
 * Accepts only the app's own top-level page. Compares scheme and host rather than `URL.origin`
 * because WHATWG URL gives custom schemes such as `app://` the opaque origin "null".
 */
export function createTrustedSenderCheck(appUrl: string): TrustedSenderCheck {
  const expected = new URL(appUrl);
  return (sender) => {
    if (!sender.isMainFrame) return false;
    let actual: URL;
    try {
      actual = new URL(sender.url);
    } catch {
      return false;
    }
    return (
      actual.protocol === expected.protocol &&
      actual.host === expected.host &&
      actual.username === '' &&
      actual.password === ''
    );
  };
}
