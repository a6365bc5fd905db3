import { z } from 'zod';

// The one table of every setting an admin may fix (issue 8, item 2). Everything else is derived from
// it: the policy readers (registry value names, JSON keys), the precedence merge, the bridge schema of
// `settings.set`, the settings screen and the ADMX/ADML templates. A test fails when a generated
// artifact drifts (VS Code's policy pipeline, see the project's style notes).

/** The registry key under HKLM and HKCU that Group Policy writes (ADMX `key`). */
export const POLICY_REGISTRY_KEY = 'SOFTWARE\\Policies\\azr-desk';

export interface LocalizedText {
  readonly de: string;
  readonly en: string;
}

/** How a setting is stored in the registry and shown in the Group Policy editor. */
export type SettingKind =
  | { readonly type: 'text'; readonly format: 'https-url' | 'plain' }
  | { readonly type: 'integer'; readonly min: number; readonly max: number }
  | {
      readonly type: 'enum';
      readonly options: readonly string[];
      readonly optionLabels: Readonly<Record<string, LocalizedText>>;
    }
  | { readonly type: 'list'; readonly item: 'sha256-fingerprint' | 'abrufzweck' };

/** Where the settings screen and the ADMX group a setting. */
export type SettingCategory = 'register' | 'privacy' | 'updates' | 'diagnostics';

export interface SettingDefinition {
  /** Name of the registry value (REG_SZ, REG_DWORD or REG_MULTI_SZ) under POLICY_REGISTRY_KEY. */
  readonly registryName: string;
  readonly category: SettingCategory;
  readonly kind: SettingKind;
  readonly default: SettingValue;
  readonly label: LocalizedText;
  readonly description: LocalizedText;
  /** May a caseworker change it in the settings screen while no policy fixes it? */
  readonly userOverridable: boolean;
  /** Shown only as "gesetzt" in the diagnostics export: may identify a person or an authority. */
  readonly sensitive: boolean;
}

export type SettingValue = string | number | readonly string[];

const sha256Fingerprint = z
  .string()
  .trim()
  .transform((value) => value.replace(/[:\s]/g, '').toUpperCase())
  .pipe(z.string().regex(/^[0-9A-F]{64}$/, 'SHA-256-Fingerabdruck: 64 Hexadezimalziffern'))
  // One canonical spelling (AA:BB:…), as certificate viewers show it, so comparisons are plain.
  .transform((hex) => hex.match(/../g)!.join(':'));

const abrufzweck = z
  .string()
  .trim()
  .regex(/^\d{2}$/, 'Abrufzweck: zweistellige Schlüsselzahl');

const httpsUrl = z.union([
  z.literal(''),
  z
    .url({ protocol: /^https$/, message: 'Eine HTTPS-Adresse ist nötig.' })
    // No user:password@ in the authority part: credentials never belong in a policy value.
    .refine((url) => !/^https:\/\/[^/?#]*@/i.test(url), {
      message: 'Die Adresse darf keine Zugangsdaten enthalten.',
    }),
]);

/** The schema a value must pass in every source; a value failing it is rejected on its own. */
export function schemaOf(definition: SettingDefinition): z.ZodType<SettingValue> {
  const kind = definition.kind;
  switch (kind.type) {
    case 'text':
      return kind.format === 'https-url' ? httpsUrl : z.string().trim().max(1024);
    case 'integer':
      return z.number().int().min(kind.min).max(kind.max);
    case 'enum':
      return z.enum(kind.options as [string, ...string[]]);
    case 'list':
      return z
        .array(kind.item === 'sha256-fingerprint' ? sha256Fingerprint : abrufzweck)
        .max(64)
        .transform((items) => [...new Set(items)]);
  }
}

const logLevelLabels = {
  error: { de: 'Nur Fehler', en: 'Errors only' },
  warn: { de: 'Warnungen und Fehler', en: 'Warnings and errors' },
  info: { de: 'Informationen (empfohlen)', en: 'Information (recommended)' },
  debug: { de: 'Fehlersuche (ausführlich)', en: 'Debugging (verbose)' },
} as const;

export const settingsTable = {
  registerUrl: {
    registryName: 'RegisterUrl',
    category: 'register',
    kind: { type: 'text', format: 'https-url' },
    default: '',
    label: { de: 'Adresse des Registers', en: 'Register address' },
    description: {
      de: 'HTTPS-Adresse des Ausländerzentralregisters (oder des Übungsregisters), an die azr-desk alle Anfragen sendet. Leer: nicht eingerichtet.',
      en: 'HTTPS address of the Central Register of Foreigners (or the training register) that azr-desk sends all requests to. Empty: not set up.',
    },
    userOverridable: false,
    sensitive: false,
  },
  pinnedCaFingerprints: {
    registryName: 'PinnedCaFingerprints',
    category: 'register',
    kind: { type: 'list', item: 'sha256-fingerprint' },
    default: [],
    label: { de: 'Vertrauenswürdige Register-Zertifizierungsstellen', en: 'Trusted register CAs' },
    description: {
      de: 'SHA-256-Fingerabdrücke der Zertifizierungsstellen, denen das Serverzertifikat des Registers entstammen muss (einer je Zeile). Die allgemeine Vertrauensliste des Betriebssystems genügt nicht.',
      en: 'SHA-256 fingerprints of the certificate authorities the register server certificate must chain to (one per line). The operating system trust store alone is not enough.',
    },
    userOverridable: false,
    sensitive: false,
  },
  clientCertificateIssuer: {
    registryName: 'ClientCertificateIssuer',
    category: 'register',
    kind: { type: 'text', format: 'plain' },
    default: '',
    label: { de: 'Aussteller des Behördenzertifikats', en: 'Issuer of the authority certificate' },
    description: {
      de: 'Nur Client-Zertifikate dieses Ausstellers (Teil des Aussteller-Namens, z. B. „CN=DOI-CA“) werden zur Anmeldung am Register angeboten. Leer: alle gültigen Zertifikate.',
      en: 'Only client certificates from this issuer (part of the issuer name, e.g. "CN=DOI-CA") are offered for signing in to the register. Empty: all valid certificates.',
    },
    userOverridable: false,
    sensitive: true,
  },
  admittedAbrufzwecke: {
    registryName: 'AdmittedAbrufzwecke',
    category: 'register',
    kind: { type: 'list', item: 'abrufzweck' },
    default: [],
    label: { de: 'Angebotene Abrufzwecke', en: 'Offered retrieval purposes' },
    description: {
      de: 'Schlüsselzahlen der Abrufzwecke, die bei einer Anfrage zur Auswahl stehen (einer je Zeile). Leer: alle Abrufzwecke, die das Register der Behörde erlaubt.',
      en: 'Codes of the retrieval purposes offered for a request (one per line). Empty: every purpose the register permits for the authority.',
    },
    userOverridable: false,
    sensitive: false,
  },
  draftRetentionDays: {
    registryName: 'DraftRetentionDays',
    category: 'privacy',
    kind: { type: 'integer', min: 1, max: 365 },
    default: 30,
    label: { de: 'Aufbewahrung von Entwürfen (Tage)', en: 'Draft retention (days)' },
    description: {
      de: 'Nach so vielen Tagen ohne Änderung werden geparkte Entwürfe gelöscht (Datenminimierung nach DSGVO).',
      en: 'Parked drafts are deleted after this many days without a change (data minimisation under the GDPR).',
    },
    userOverridable: true,
    sensitive: false,
  },
  inactivityLockMinutes: {
    registryName: 'InactivityLockMinutes',
    category: 'privacy',
    kind: { type: 'integer', min: 1, max: 60 },
    default: 10,
    label: { de: 'Sperre bei Inaktivität (Minuten)', en: 'Lock after inactivity (minutes)' },
    description: {
      de: 'Nach so vielen Minuten ohne Eingabe sperrt azr-desk die Anzeige (IT-Grundschutz SYS.2.1).',
      en: 'After this many minutes without input azr-desk locks its window (IT-Grundschutz SYS.2.1).',
    },
    userOverridable: true,
    sensitive: false,
  },
  protocolRetentionMonths: {
    registryName: 'ProtocolRetentionMonths',
    category: 'privacy',
    kind: { type: 'integer', min: 1, max: 120 },
    default: 6,
    label: {
      de: 'Aufbewahrung des Abrufprotokolls (Monate)',
      en: 'Retrieval log retention (months)',
    },
    description: {
      de: 'So lange bleiben Einträge im eigenen Abrufprotokoll erhalten; sechs Monate wie die Protokolle des Registers (§ 16 AZRG-DV).',
      en: 'How long entries stay in the local retrieval log; six months like the register’s own records (§ 16 AZRG-DV).',
    },
    userOverridable: false,
    sensitive: false,
  },
  updateMode: {
    registryName: 'UpdateMode',
    category: 'updates',
    kind: {
      type: 'enum',
      options: ['off', 'notify', 'auto'],
      optionLabels: {
        off: { de: 'Aus (Updates verteilt die IT)', en: 'Off (IT distributes updates)' },
        notify: { de: 'Nur melden', en: 'Notify only' },
        auto: { de: 'Automatisch installieren', en: 'Install automatically' },
      },
    },
    default: 'off',
    label: { de: 'Updates', en: 'Updates' },
    description: {
      de: 'Aus: azr-desk sucht nicht nach Updates. Nur melden: ein neues Update wird angezeigt, aber nicht installiert. Automatisch: signierte Updates vom Update-Server werden geladen und beim Beenden installiert.',
      en: 'Off: azr-desk does not look for updates. Notify only: a new update is shown but not installed. Automatic: signed updates from the update server are downloaded and installed on exit.',
    },
    userOverridable: false,
    sensitive: false,
  },
  updateUrl: {
    registryName: 'UpdateUrl',
    category: 'updates',
    kind: { type: 'text', format: 'https-url' },
    default: '',
    label: { de: 'Adresse des Update-Servers', en: 'Update server address' },
    description: {
      de: 'HTTPS-Adresse des Update-Servers der Organisation (Verzeichnis mit latest.yml). Leer: keine Updates.',
      en: 'HTTPS address of the organisation’s update server (folder with latest.yml). Empty: no updates.',
    },
    userOverridable: false,
    sensitive: false,
  },
  logLevel: {
    registryName: 'LogLevel',
    category: 'diagnostics',
    kind: {
      type: 'enum',
      options: ['error', 'warn', 'info', 'debug'],
      optionLabels: logLevelLabels,
    },
    default: 'info',
    label: { de: 'Umfang der Diagnoseprotokolle', en: 'Diagnostic log detail' },
    description: {
      de: 'Wie ausführlich azr-desk technische Ereignisse protokolliert. Personenbezogene Daten werden in keinem Fall protokolliert.',
      en: 'How much technical detail azr-desk logs. Personal data is never logged.',
    },
    userOverridable: true,
    sensitive: false,
  },
} as const satisfies Record<string, SettingDefinition>;

export type SettingKey = keyof typeof settingsTable;

export const settingKeys = Object.keys(settingsTable) as SettingKey[];

export const isSettingKey = (name: string): name is SettingKey =>
  Object.hasOwn(settingsTable, name);

export const definitionOf = (key: SettingKey): SettingDefinition => settingsTable[key];

type ValueOfKind<K> = K extends { type: 'text' }
  ? string
  : K extends { type: 'integer' }
    ? number
    : K extends { type: 'enum'; options: readonly (infer O)[] }
      ? O
      : readonly string[];

/** Every setting's value type, derived from its kind in the table. */
export type SettingValues = {
  readonly [K in SettingKey]: ValueOfKind<(typeof settingsTable)[K]['kind']>;
};

export type UpdateMode = SettingValues['updateMode'];
export type LogLevel = SettingValues['logLevel'];

/** The defaults, as the table states them. */
export const defaultSettings = Object.fromEntries(
  settingKeys.map((key) => [key, settingsTable[key].default]),
) as unknown as SettingValues;

/** Where an effective value came from, strongest first (issue 8, item 2). */
export const settingSources = ['hklm', 'hkcu', 'machineFile', 'user', 'default'] as const;
export type SettingSource = (typeof settingSources)[number];

/** Sources an admin controls: a value from one of them is locked for the user. */
export const policySources: readonly SettingSource[] = ['hklm', 'hkcu', 'machineFile'];

export const isPolicySource = (source: SettingSource): boolean => policySources.includes(source);
