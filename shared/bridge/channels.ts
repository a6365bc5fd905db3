// The names of every renderer ↔ main channel, without their schemas, so the sandboxed preload and the
// browser host's client script stay tiny. `contract.ts` gives each name its schemas; a type test
// there fails when the two lists differ.
export const bridgeChannels = [
  'app.info',
  'health.ping',
  'settings.get',
  'settings.set',
  'diagnostics.export',
  'log.write',
  'drafts.keys',
  'register.status',
  'register.anfrage',
  'register.lichtbild',
  'register.erstmeldung',
  'register.folgemeldung',
  'register.datenpflege',
  'register.mitteilungen',
  'certificate.status',
  'certificate.choose',
  'protocol.list',
  'protocol.export',
  'protocol.vorpruefung',
  'print.pdf',
  'print.document',
  'print.ready',
] as const;

export type BridgeChannel = (typeof bridgeChannels)[number];

/** The channel name on Electron's IPC; prefixed so no other IPC traffic can collide with it. */
export const ipcChannelName = (channel: BridgeChannel): string => `azr:${channel}`;

export const isBridgeChannel = (name: string): name is BridgeChannel =>
  (bridgeChannels as readonly string[]).includes(name);
