import { strToU8, zipSync } from 'fflate';
import type { Zippable } from 'fflate';
import type { AppInfo } from '../../../../shared/bridge/contract';
import type { DiagnosticsExport } from '../../../../shared/diagnostics/contract';
import { redact, redactValue } from '../../../../shared/diagnostics/redact';
import { definitionOf, settingKeys } from '../../../../shared/policy/settings';
import type { SettingsService } from '../policy/service';

/** What the certificate part of the export says; honest about what is not there yet. */
export type CertificateStatus =
  | { readonly status: 'nicht eingerichtet'; readonly note: string }
  | {
      readonly status: 'ausgewählt' | 'abgelaufen' | 'keines gefunden';
      readonly issuerMatched: boolean;
      readonly notAfter?: string;
    };

export type Connectivity =
  | { readonly status: 'nicht eingerichtet' }
  | { readonly status: 'erreichbar'; readonly httpStatus: number; readonly milliseconds: number }
  | { readonly status: 'nicht erreichbar'; readonly reason: string; readonly milliseconds: number };

export interface DiagnosticsDeps {
  readonly appInfo: AppInfo;
  readonly runtime: {
    readonly platform: string;
    readonly arch: string;
    readonly versions: Readonly<Record<string, string | undefined>>;
  };
  readonly settings: SettingsService;
  /** The newest log text (already redacted when written; redacted again here). */
  readonly recentLogs: (maxBytes: number) => string;
  readonly certificateStatus: () => Promise<CertificateStatus>;
  /** The register's fetch (in the app: the pinned session). */
  readonly fetch: (url: string, init: RequestInit) => Promise<Response>;
  readonly now: () => Date;
  /** Offers the zip to the caseworker (a save dialog, or a folder in the browser host). */
  readonly save: (fileName: string, bytes: Uint8Array) => Promise<{ location: string } | undefined>;
  readonly timeoutMs?: number;
}

const LOG_BYTES = 512 * 1024;

/**
 * A connectivity check of the configured register: any HTTP answer (even 401) means the network path
 * and TLS work; a failure carries only the error code, never a body.
 */
export async function checkConnectivity(
  url: string,
  fetchImpl: DiagnosticsDeps['fetch'],
  now: () => Date,
  timeoutMs = 5000,
): Promise<Connectivity> {
  if (!url) return { status: 'nicht eingerichtet' };
  const started = now().getTime();
  const elapsed = () => Math.max(0, now().getTime() - started);
  try {
    const response = await fetchImpl(url, {
      method: 'HEAD',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { status: 'erreichbar', httpStatus: response.status, milliseconds: elapsed() };
  } catch (error) {
    return { status: 'nicht erreichbar', reason: errorCode(error), milliseconds: elapsed() };
  }
}

function errorCode(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: { code?: unknown } }).cause;
    if (cause && typeof cause.code === 'string') return cause.code;
    if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'TIMEOUT';
    return redact(error.message).slice(0, 200);
  }
  return 'UNKNOWN';
}

/** The policy in effect: key, source, locked; values only where they identify nobody. */
export function policySummary(settings: SettingsService) {
  const { settings: effective, rejections } = settings.current();
  return {
    settings: settingKeys.map((key) => {
      const setting = effective[key];
      const empty =
        setting.value === '' || (Array.isArray(setting.value) && setting.value.length === 0);
      return {
        key,
        source: setting.source,
        locked: setting.locked,
        value: definitionOf(key).sensitive ? (empty ? 'nicht gesetzt' : 'gesetzt') : setting.value,
      };
    }),
    rejections: rejections.map((rejection) => ({
      source: rejection.source,
      key: rejection.key,
      reason: redact(rejection.reason),
    })),
  };
}

const json = (value: unknown) => strToU8(`${JSON.stringify(value, null, 2)}\n`);

const readme = `azr-desk – Diagnosedaten

Dieses Archiv hilft Ihrer IT bei der Fehlersuche. Es enthält keine personenbezogenen Daten:
Namen, Geburtsdaten, AZR-Nummern und Zertifikatsinhaber werden vor dem Schreiben entfernt.

app.json           Version, Umgebung und Laufzeit
policy.json        wirksame Einstellungen mit ihrer Quelle (Richtlinie, Benutzer, Standard)
certificate.json   Zustand des Behördenzertifikats
connectivity.json  Verbindungsprüfung zur eingestellten Registeradresse
logs/azr-desk.log  die neuesten Protokollzeilen
`;

/** Builds the zip in memory. */
export async function buildDiagnosticsZip(deps: DiagnosticsDeps): Promise<Uint8Array> {
  const settings = await deps.settings.refresh();
  const createdAt = deps.now();
  const [certificate, connectivity] = await Promise.all([
    deps.certificateStatus(),
    checkConnectivity(settings.settings.registerUrl.value, deps.fetch, deps.now, deps.timeoutMs),
  ]);
  const mtime = createdAt;
  const files: Zippable = {
    'README.txt': [strToU8(readme), { mtime }],
    'app.json': [
      json({
        ...deps.appInfo,
        createdAt: createdAt.toISOString(),
        platform: deps.runtime.platform,
        arch: deps.runtime.arch,
        versions: deps.runtime.versions,
      }),
      { mtime },
    ],
    'policy.json': [json(policySummary(deps.settings)), { mtime }],
    'certificate.json': [json(redactValue(certificate)), { mtime }],
    'connectivity.json': [json(connectivity), { mtime }],
    'logs/azr-desk.log': [strToU8(redact(deps.recentLogs(LOG_BYTES))), { mtime }],
  };
  return zipSync(files, { level: 6 });
}

/** "Diagnosedaten exportieren": builds the zip and lets the caseworker save it. */
export async function exportDiagnostics(deps: DiagnosticsDeps): Promise<DiagnosticsExport> {
  const bytes = await buildDiagnosticsZip(deps);
  const stamp = deps.now().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  const fileName = `azr-desk-diagnose-${stamp}.zip`;
  const saved = await deps.save(fileName, bytes);
  if (!saved) return { status: 'cancelled' };
  return { status: 'saved', fileName, location: saved.location, bytes: bytes.length };
}

/** Until a certificate service exists, the export says so instead of inventing a state. */
export const certificateNotSetUp = (): Promise<CertificateStatus> =>
  Promise.resolve({
    status: 'nicht eingerichtet',
    note: 'Diese Version von azr-desk wählt noch kein Behördenzertifikat aus dem Zertifikatsspeicher aus.',
  });
