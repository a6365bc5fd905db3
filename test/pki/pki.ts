// Test PKI for azr-desk: a root "Test-DOI-CA", a localhost server certificate, client certificates
// for two authorities (PEM + PKCS#12), an expired client certificate and a second, untrusted CA
// with its own client and server certificate. Nothing here is ever committed: everything is
// generated into a git-ignored folder, and a manifest.json tells other tools where to find it.
//
// Algorithms follow BSI TR-02102-1: RSA 3072 keys, SHA-256 signatures. node-forge builds the
// certificates (it has no ECDSA, hence RSA); the keys come from node:crypto because that is
// native and takes well under a second per key.
import { generateKeyPair, X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import forge from 'node-forge';
import { z } from 'zod';

/** Where `npm run pki` writes by default (git-ignored). */
export const DEFAULT_PKI_DIR = resolve(import.meta.dirname, 'out');

/** Password of every .p12 file. Test-only and deliberately public: documented in README.md. */
export const TEST_PKI_PASSWORD = 'azr-desk-test';

export const MANIFEST_FILE = 'manifest.json';

/** Certificates that should be valid are regenerated this long before they expire. */
export const RENEW_BEFORE_MS = 30 * 24 * 60 * 60 * 1000;

const RSA_BITS = 3072;
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
// PKCS#12 parameters as `openssl pkcs12 -export` (OpenSSL 3) writes them: Windows
// Import-PfxCertificate, NSS (Electron's app.importCertificate) and OpenSSL all read this.
const P12_ITERATIONS = 2048;
const P12_SALT_BYTES = 16;

const MISSING_HINT = 'Test-PKI fehlt: bitte `npm run pki` ausführen';
const INVALID_HINT = 'Test-PKI ungültig: bitte `npm run pki -- --force` ausführen';

// ---------------------------------------------------------------------------------------------
// Manifest (the contract with the training register, the browser host and Playwright)

const isoDate = z.iso.datetime();

/** Every certificate of the PKI, issuers before what they sign. */
export const ENTITY_KEYS = [
  'ca',
  'server',
  'clientMusterstadt',
  'clientBeispielkreis',
  'clientExpired',
  'untrustedCa',
  'untrustedServer',
  'untrustedClient',
] as const;

const subjectSchema = z.object({
  C: z.literal('DE'),
  O: z.string().min(1),
  OU: z.string().min(1).optional(),
  CN: z.string().min(1),
});

const baseEntitySchema = z.object({
  role: z.enum(['ca', 'server', 'client']),
  /** Key of the issuing entity in `entities` (a root names itself). */
  issuer: z.enum(ENTITY_KEYS),
  subject: subjectSchema,
  /** Whether the certificate chains to Test-DOI-CA, the only CA the register trusts. */
  trusted: z.boolean(),
  /** Whether the certificate is inside its validity period when generated (false: expired). */
  validAtGeneration: z.boolean(),
  serialNumber: z.string().regex(/^[0-7][0-9a-f]*$/),
  notBefore: isoDate,
  notAfter: isoDate,
  fingerprint256: z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/),
  files: z.object({ cert: z.string(), key: z.string() }),
});

const clientEntitySchema = baseEntitySchema.extend({
  role: z.literal('client'),
  files: z.object({ cert: z.string(), key: z.string(), p12: z.string() }),
});

const caEntitySchema = baseEntitySchema.extend({ role: z.literal('ca') });
const serverEntitySchema = baseEntitySchema.extend({ role: z.literal('server') });

const manifestSchema = z.object({
  schemaVersion: z.literal(1),
  generatedAt: isoDate,
  p12Password: z.string(),
  algorithms: z.object({
    key: z.literal('RSA-3072'),
    signature: z.literal('sha256WithRSAEncryption'),
    p12: z.literal('PBES2/PBKDF2-HMAC-SHA256/AES-256-CBC, MAC HMAC-SHA256'),
  }),
  entities: z.object({
    ca: caEntitySchema,
    server: serverEntitySchema,
    clientMusterstadt: clientEntitySchema,
    clientBeispielkreis: clientEntitySchema,
    clientExpired: clientEntitySchema,
    untrustedCa: caEntitySchema,
    untrustedServer: serverEntitySchema,
    untrustedClient: clientEntitySchema,
  }),
});

/** manifest.json as written: file paths relative to the output folder. */
export type TestPkiManifest = z.infer<typeof manifestSchema>;
export type EntityKey = (typeof ENTITY_KEYS)[number];
/** The entities that come with a .p12. */
export type ClientKey = {
  [K in EntityKey]: TestPkiManifest['entities'][K] extends ClientEntity ? K : never;
}[EntityKey];
export type Subject = z.infer<typeof subjectSchema>;
export type CertEntity = z.infer<typeof baseEntitySchema>;
export type ClientEntity = z.infer<typeof clientEntitySchema>;

/** A loaded PKI: the manifest with absolute file paths, plus the folder it lives in. */
export type TestPki = TestPkiManifest & { outDir: string };

export interface GenerateOptions {
  outDir?: string;
  /** Clock for all validity periods (tests move it to make certificates stale). */
  now?: Date;
  password?: string;
}

// ---------------------------------------------------------------------------------------------
// What gets generated

type Role = CertEntity['role'];

interface EntitySpec {
  key: EntityKey;
  /** File name stem: `<stem>.cert.pem`, `<stem>.key.pem`, `<stem>.p12`. */
  stem: string;
  role: Role;
  issuer: EntityKey;
  subject: Subject;
  validity: (now: Date) => { notBefore: Date; notAfter: Date };
}

const at = (now: Date, offsetMs: number) => new Date(now.getTime() + offsetMs);

// CAs start well in the past so the expired certificate still lies inside its issuer's lifetime.
const caValidity = (now: Date) => ({
  notBefore: at(now, -90 * DAY_MS),
  notAfter: at(now, 5 * 365 * DAY_MS),
});
// An hour of slack absorbs clock skew between generator and TLS peers.
const leafValidity = (now: Date) => ({
  notBefore: at(now, -HOUR_MS),
  notAfter: at(now, 365 * DAY_MS),
});
const expiredValidity = (now: Date) => ({
  notBefore: at(now, -60 * DAY_MS),
  notAfter: at(now, -DAY_MS),
});

const TEST_CA_SUBJECT: Subject = { C: 'DE', O: 'azr-desk Testumgebung', CN: 'Test-DOI-CA' };
const UNTRUSTED_CA_SUBJECT: Subject = {
  C: 'DE',
  O: 'Fremde Testumgebung',
  CN: 'Untrusted-Test-CA',
};
const SERVER_SUBJECT: Subject = { C: 'DE', O: 'azr-desk Testumgebung', CN: 'localhost' };
const MUSTERSTADT: Subject = {
  C: 'DE',
  O: 'ABH Musterstadt',
  OU: 'Ausländerbehörde',
  CN: 'ABH Musterstadt Testzugang',
};
const BEISPIELKREIS: Subject = {
  C: 'DE',
  O: 'ABH Beispielkreis',
  OU: 'Fachdienst Migration',
  CN: 'ABH Beispielkreis Testzugang',
};

/** Issuers come before the certificates they sign. */
const SPECS: readonly EntitySpec[] = [
  {
    key: 'ca',
    stem: 'test-doi-ca',
    role: 'ca',
    issuer: 'ca',
    subject: TEST_CA_SUBJECT,
    validity: caValidity,
  },
  {
    key: 'server',
    stem: 'server',
    role: 'server',
    issuer: 'ca',
    subject: SERVER_SUBJECT,
    validity: leafValidity,
  },
  {
    key: 'clientMusterstadt',
    stem: 'client-musterstadt',
    role: 'client',
    issuer: 'ca',
    subject: MUSTERSTADT,
    validity: leafValidity,
  },
  {
    key: 'clientBeispielkreis',
    stem: 'client-beispielkreis',
    role: 'client',
    issuer: 'ca',
    subject: BEISPIELKREIS,
    validity: leafValidity,
  },
  // A known authority whose certificate ran out: refused because it expired, not because unknown.
  {
    key: 'clientExpired',
    stem: 'client-expired',
    role: 'client',
    issuer: 'ca',
    subject: { ...MUSTERSTADT, CN: 'ABH Musterstadt Testzugang (abgelaufen)' },
    validity: expiredValidity,
  },
  {
    key: 'untrustedCa',
    stem: 'untrusted-ca',
    role: 'ca',
    issuer: 'untrustedCa',
    subject: UNTRUSTED_CA_SUBJECT,
    validity: caValidity,
  },
  {
    key: 'untrustedServer',
    stem: 'untrusted-server',
    role: 'server',
    issuer: 'untrustedCa',
    subject: SERVER_SUBJECT,
    validity: leafValidity,
  },
  // Same subject as a real authority: the register must trust the CA, not the name.
  {
    key: 'untrustedClient',
    stem: 'untrusted-client',
    role: 'client',
    issuer: 'untrustedCa',
    subject: MUSTERSTADT,
    validity: leafValidity,
  },
];

// ---------------------------------------------------------------------------------------------
// Keys and certificates

interface KeyPair {
  privateKeyPem: string;
  publicKeyPem: string;
}

interface Issued {
  cert: forge.pki.Certificate;
  certPem: string;
  keys: KeyPair;
}

function generateRsaKeyPair(): Promise<KeyPair> {
  return new Promise((resolvePair, reject) => {
    generateKeyPair(
      'rsa',
      {
        modulusLength: RSA_BITS,
        publicExponent: 0x10001,
        publicKeyEncoding: { type: 'spki', format: 'pem' },
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      },
      (error, publicKeyPem, privateKeyPem) =>
        error ? reject(error) : resolvePair({ publicKeyPem, privateKeyPem }),
    );
  });
}

/** A random positive serial of 127 bits whose DER encoding needs no leading zero byte. */
function randomSerialHex(): string {
  const bytes = forge.random.getBytesSync(16);
  const first = (bytes.charCodeAt(0) & 0x7f) | 0x40;
  return forge.util.bytesToHex(String.fromCharCode(first) + bytes.slice(1));
}

// @types/node-forge declares valueTagClass as asn1.Class, but forge reads it as an asn1.Type.
const UTF8 = forge.asn1.Type.UTF8 as unknown as forge.asn1.Class;

/** Country as PrintableString (RFC 5280), everything else UTF-8 so "Ausländerbehörde" survives. */
function toForgeAttributes(subject: Subject): forge.pki.CertificateField[] {
  const attributes: forge.pki.CertificateField[] = [{ shortName: 'C', value: subject.C }];
  attributes.push({ shortName: 'O', value: subject.O, valueTagClass: UTF8 });
  if (subject.OU) attributes.push({ shortName: 'OU', value: subject.OU, valueTagClass: UTF8 });
  attributes.push({ shortName: 'CN', value: subject.CN, valueTagClass: UTF8 });
  return attributes;
}

function extensionsFor(role: Role, issuerKeyId: string): object[] {
  const identifiers = [
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: issuerKeyId },
  ];
  if (role === 'ca') {
    return [
      { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
      ...identifiers,
    ];
  }
  const leaf = [
    { name: 'basicConstraints', cA: false, critical: true },
    // RSA key transport (TLS 1.2 RSA kx) needs keyEncipherment next to digitalSignature.
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    ...identifiers,
  ];
  if (role === 'client') return [...leaf, { name: 'extKeyUsage', clientAuth: true }];
  return [
    ...leaf,
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        { type: 2, value: 'localhost' },
        { type: 7, ip: '127.0.0.1' },
        { type: 7, ip: '::1' },
      ],
    },
  ];
}

function issueCertificate(
  spec: EntitySpec,
  keys: KeyPair,
  issuer: Issued | undefined,
  now: Date,
): Issued {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(keys.publicKeyPem);
  cert.serialNumber = randomSerialHex();
  const { notBefore, notAfter } = spec.validity(now);
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = notAfter;
  cert.setSubject(toForgeAttributes(spec.subject));
  // A root signs itself: its issuer is its own subject and its own key.
  const issuerCert = issuer?.cert ?? cert;
  const issuerKeys = issuer?.keys ?? keys;
  cert.setIssuer(issuerCert.subject.attributes);
  cert.setExtensions(
    extensionsFor(spec.role, issuerCert.generateSubjectKeyIdentifier().getBytes()),
  );
  cert.sign(forge.pki.privateKeyFromPem(issuerKeys.privateKeyPem), forge.md.sha256.create());
  return { cert, certPem: forge.pki.certificateToPem(cert), keys };
}

// ---------------------------------------------------------------------------------------------
// PKCS#12

const UNIVERSAL = forge.asn1.Class.UNIVERSAL;
const OID_SHA256 = '2.16.840.1.101.3.4.2.1';

/**
 * forge writes only SHA-1 MACs, so the PFX is built without MAC and the MacData (RFC 7292)
 * is added here with HMAC-SHA256, as OpenSSL 3 and Windows (AES256_SHA256) do.
 */
function addSha256Mac(pfx: forge.asn1.Asn1, password: string): void {
  const { asn1 } = forge;
  const authSafe = (pfx.value as forge.asn1.Asn1[])[1];
  const contentWrapper = (authSafe?.value as forge.asn1.Asn1[] | undefined)?.[1];
  const octets = (contentWrapper?.value as forge.asn1.Asn1[] | undefined)?.[0];
  if (typeof octets?.value !== 'string') throw new Error('PKCS#12: authSafe content not found');
  const salt = forge.random.getBytesSync(P12_SALT_BYTES);
  const macKey = forge.pkcs12.generateKey(
    password,
    forge.util.createBuffer(salt),
    3, // RFC 7292 B.3: ID 3 derives MAC key material
    P12_ITERATIONS,
    32,
    forge.md.sha256.create(),
  );
  const hmac = forge.hmac.create();
  hmac.start('sha256', macKey.getBytes());
  hmac.update(octets.value);
  const digestInfo = asn1.create(UNIVERSAL, asn1.Type.SEQUENCE, true, [
    asn1.create(UNIVERSAL, asn1.Type.SEQUENCE, true, [
      asn1.create(UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(OID_SHA256).getBytes()),
      asn1.create(UNIVERSAL, asn1.Type.NULL, false, ''),
    ]),
    asn1.create(UNIVERSAL, asn1.Type.OCTETSTRING, false, hmac.digest().getBytes()),
  ]);
  const macData = asn1.create(UNIVERSAL, asn1.Type.SEQUENCE, true, [
    digestInfo,
    asn1.create(UNIVERSAL, asn1.Type.OCTETSTRING, false, salt),
    asn1.create(UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(P12_ITERATIONS).getBytes()),
  ]);
  (pfx.value as forge.asn1.Asn1[]).push(macData);
}

type P12Options = NonNullable<Parameters<typeof forge.pkcs12.toPkcs12Asn1>[3]> & {
  prfAlgorithm: 'sha256';
};

/**
 * Only the leaf goes into the .p12: its issuer is the root the server already trusts, and a
 * root inside the file would land in the user's certificate store on import for no benefit.
 */
function toPkcs12Der(issued: Issued, friendlyName: string, password: string): Buffer {
  const options: P12Options = {
    algorithm: 'aes256',
    prfAlgorithm: 'sha256',
    count: P12_ITERATIONS,
    saltSize: P12_SALT_BYTES,
    useMac: false,
    friendlyName,
  };
  const key = forge.pki.privateKeyFromPem(issued.keys.privateKeyPem);
  const pfx = forge.pkcs12.toPkcs12Asn1(key, [issued.cert], password, options);
  addSha256Mac(pfx, password);
  return Buffer.from(forge.asn1.toDer(pfx).getBytes(), 'binary');
}

// ---------------------------------------------------------------------------------------------
// Writing

const SECRET_MODE = 0o600;

function filesFor(spec: EntitySpec) {
  const base = { cert: `${spec.stem}.cert.pem`, key: `${spec.stem}.key.pem` };
  return spec.role === 'client' ? { ...base, p12: `${spec.stem}.p12` } : base;
}

async function writeEntity(outDir: string, spec: EntitySpec, issued: Issued, password: string) {
  const files = filesFor(spec);
  await writeFile(join(outDir, files.cert), issued.certPem);
  await writeFile(join(outDir, files.key), issued.keys.privateKeyPem, { mode: SECRET_MODE });
  if ('p12' in files) {
    const der = toPkcs12Der(issued, spec.subject.CN, password);
    await writeFile(join(outDir, files.p12), der, { mode: SECRET_MODE });
  }
  return files;
}

function describeEntity(
  spec: EntitySpec,
  issued: Issued,
  files: ReturnType<typeof filesFor>,
  now: Date,
) {
  const { notBefore, notAfter } = issued.cert.validity;
  return {
    role: spec.role,
    issuer: spec.issuer,
    subject: spec.subject,
    // Chains are one level deep: trusted means issued by (or being) Test-DOI-CA.
    trusted: spec.issuer === 'ca',
    validAtGeneration: notBefore <= now && now < notAfter,
    serialNumber: issued.cert.serialNumber,
    notBefore: notBefore.toISOString(),
    notAfter: notAfter.toISOString(),
    fingerprint256: new X509Certificate(issued.certPem).fingerprint256,
    files,
  };
}

/** Writes via a temporary name so a reader never sees a half-written manifest. */
async function writeManifest(outDir: string, manifest: TestPkiManifest) {
  const target = join(outDir, MANIFEST_FILE);
  const temporary = `${target}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(temporary, target);
}

/** X.509 stores whole seconds; truncating keeps manifest and certificates identical. */
const wholeSeconds = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000);

async function writeTestPki(outDir: string, now: Date, password: string): Promise<TestPki> {
  await mkdir(outDir, { recursive: true });
  // Without a manifest a crash half-way leaves the folder "missing", never "valid but mixed".
  await rm(join(outDir, MANIFEST_FILE), { force: true });
  const keyPairs = await Promise.all(SPECS.map(() => generateRsaKeyPair()));
  const issued = new Map<EntityKey, Issued>();
  const entities: Partial<Record<EntityKey, unknown>> = {};
  for (const [index, spec] of SPECS.entries()) {
    const keys = keyPairs[index];
    if (!keys) throw new Error(`no key pair for ${spec.key}`);
    const issuer = spec.issuer === spec.key ? undefined : issued.get(spec.issuer);
    const result = issueCertificate(spec, keys, issuer, now);
    issued.set(spec.key, result);
    const files = await writeEntity(outDir, spec, result, password);
    entities[spec.key] = describeEntity(spec, result, files, now);
  }
  const manifest = manifestSchema.parse({
    schemaVersion: 1,
    generatedAt: now.toISOString(),
    p12Password: password,
    algorithms: {
      key: 'RSA-3072',
      signature: 'sha256WithRSAEncryption',
      p12: 'PBES2/PBKDF2-HMAC-SHA256/AES-256-CBC, MAC HMAC-SHA256',
    },
    entities,
  });
  await writeManifest(outDir, manifest);
  return withAbsolutePaths(manifest, outDir);
}

// ---------------------------------------------------------------------------------------------
// Loading

function withAbsolutePaths(manifest: TestPkiManifest, outDir: string): TestPki {
  const absolute = <T extends Record<string, string>>(files: T): T =>
    Object.fromEntries(Object.entries(files).map(([k, v]) => [k, join(outDir, v)])) as T;
  const entities = Object.fromEntries(
    Object.entries(manifest.entities).map(([key, entity]) => [
      key,
      { ...entity, files: absolute(entity.files) },
    ]),
  ) as TestPkiManifest['entities'];
  return { ...manifest, entities, outDir };
}

/** Every file the manifest names, as absolute paths. */
export function allFiles(pki: TestPki): string[] {
  return Object.values(pki.entities).flatMap((entity) => Object.values(entity.files));
}

/**
 * Reads and validates `<outDir>/manifest.json` (synchronous, so config files can call it).
 * Throws "Test-PKI fehlt: bitte `npm run pki` ausführen" when the PKI has not been generated.
 */
export function loadTestPki(outDir: string = DEFAULT_PKI_DIR): TestPki {
  const dir = resolve(outDir);
  const manifestPath = join(dir, MANIFEST_FILE);
  if (!existsSync(manifestPath))
    throw new Error(`${MISSING_HINT} (${manifestPath} nicht gefunden)`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch (error) {
    throw new Error(`${INVALID_HINT} (${manifestPath}: ${String(error)})`, { cause: error });
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`${INVALID_HINT} (${manifestPath}: ${z.prettifyError(parsed.error)})`);
  }
  const pki = withAbsolutePaths(parsed.data, dir);
  const missing = allFiles(pki).filter((file) => !existsSync(file));
  if (missing.length > 0)
    throw new Error(`${MISSING_HINT} (fehlende Dateien: ${missing.join(', ')})`);
  return pki;
}

// ---------------------------------------------------------------------------------------------
// Freshness

/**
 * Why the PKI on disk must be regenerated, or undefined if it is usable at `now`: certificates
 * meant to be valid must be valid for at least RENEW_BEFORE_MS more, and the files must still
 * be the ones the manifest describes.
 */
export function staleReason(pki: TestPki, now: Date = new Date()): string | undefined {
  for (const [key, entity] of Object.entries(pki.entities)) {
    if (
      new X509Certificate(readFileSync(entity.files.cert)).fingerprint256 !== entity.fingerprint256
    ) {
      return `${key}: Zertifikatsdatei passt nicht zum Manifest`;
    }
    if (!entity.validAtGeneration) continue;
    if (new Date(entity.notBefore) > now) return `${key}: noch nicht gültig (${entity.notBefore})`;
    if (new Date(entity.notAfter).getTime() - now.getTime() < RENEW_BEFORE_MS) {
      return `${key}: läuft ab am ${entity.notAfter}`;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Locking: vitest workers, Playwright and the CLI may ask for the same folder at once.

const LOCK_STALE_MS = 2 * 60 * 1000;
const LOCK_TIMEOUT_MS = 3 * 60 * 1000;
const LOCK_POLL_MS = 200;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function isStaleLock(lockDir: string): Promise<boolean> {
  const info = await stat(lockDir).catch(() => undefined);
  return info !== undefined && Date.now() - info.mtimeMs > LOCK_STALE_MS;
}

async function acquireLock(lockDir: string): Promise<void> {
  const deadline = Date.now() + LOCK_TIMEOUT_MS;
  for (;;) {
    try {
      await mkdir(lockDir);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (await isStaleLock(lockDir)) await rm(lockDir, { recursive: true, force: true });
    else if (Date.now() > deadline) throw new Error(`Test-PKI: Sperre ${lockDir} wird nicht frei`);
    else await sleep(LOCK_POLL_MS);
  }
}

async function withLock<T>(outDir: string, task: () => Promise<T>): Promise<T> {
  await mkdir(outDir, { recursive: true });
  const lockDir = join(outDir, '.lock');
  await acquireLock(lockDir);
  try {
    return await task();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Entry points

function resolveOptions(options: GenerateOptions) {
  return {
    outDir: resolve(options.outDir ?? DEFAULT_PKI_DIR),
    now: wholeSeconds(options.now ?? new Date()),
    password: options.password ?? TEST_PKI_PASSWORD,
  };
}

/** Generates a fresh PKI into `outDir` (overwriting), writes manifest.json last, returns it. */
export async function generateTestPki(options: GenerateOptions = {}): Promise<TestPki> {
  const { outDir, now, password } = resolveOptions(options);
  return withLock(outDir, () => writeTestPki(outDir, now, password));
}

export interface EnsureOptions extends GenerateOptions {
  /** Told why the PKI is being (re)generated; not called when the existing one is kept. */
  onGenerate?: (reason: string) => void;
}

function loadOrReason(
  outDir: string,
  now: Date,
  password: string,
): { pki?: TestPki; reason?: string } {
  if (!existsSync(join(outDir, MANIFEST_FILE))) return { reason: 'noch nicht erzeugt' };
  try {
    const pki = loadTestPki(outDir);
    if (pki.p12Password !== password) return { pki, reason: 'anderes PKCS#12-Passwort verlangt' };
    return { pki, reason: staleReason(pki, now) };
  } catch (error) {
    return { reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Returns the PKI in the folder, generating it only when missing, invalid, or when a certificate
 * that should be valid has expired or expires within RENEW_BEFORE_MS, or when it was written
 * with another password.
 */
export async function ensureTestPki(target: string | EnsureOptions = {}): Promise<TestPki> {
  const options = typeof target === 'string' ? { outDir: target } : target;
  const { outDir, now, password } = resolveOptions(options);
  return withLock(outDir, async () => {
    const { pki, reason } = loadOrReason(outDir, now, password);
    if (pki && reason === undefined) return pki;
    options.onGenerate?.(reason ?? 'unbekannt');
    return writeTestPki(outDir, now, password);
  });
}
