// The test PKI is only useful if real TLS stacks accept and refuse exactly what they should, so
// besides inspecting the certificates these tests run handshakes with node:https on 127.0.0.1.
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecureContext } from 'node:tls';
import type { SecureVersion, TLSSocket } from 'node:tls';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ENTITY_KEYS,
  ensureTestPki,
  generateTestPki,
  loadTestPki,
  RENEW_BEFORE_MS,
  staleReason,
  TEST_PKI_PASSWORD,
} from './pki';
import type { CertEntity, ClientKey, EntityKey, TestPki } from './pki';

const GENERATION_TIMEOUT_MS = 120_000;
const DAY_MS = 24 * 60 * 60 * 1000;
const OID = {
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  sha256: '2.16.840.1.101.3.4.2.1',
  aes256Cbc: '2.16.840.1.101.3.4.1.42',
  hmacWithSha256: '1.2.840.113549.2.9',
  pbeSha40BitRc2: '1.2.840.113549.1.12.1.6',
  pbeSha128BitRc2: '1.2.840.113549.1.12.1.5',
  pbeSha3KeyTripleDes: '1.2.840.113549.1.12.1.3',
};

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'azr-pki-'));
  tempDirs.push(dir);
  return dir;
}

let pki: TestPki;

beforeAll(async () => {
  pki = await generateTestPki({ outDir: tempDir() });
}, GENERATION_TIMEOUT_MS);

afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// Helpers

const entity = (key: EntityKey): CertEntity => pki.entities[key];
const pem = (key: EntityKey) => readFileSync(entity(key).files.cert, 'utf8');
const x509 = (key: EntityKey) => new X509Certificate(pem(key));
const forgeCert = (key: EntityKey) => forge.pki.certificateFromPem(pem(key));
const p12 = (key: ClientKey) => readFileSync(pki.entities[key].files.p12);

/** An extension as forge parsed it; forge types it as an empty object. */
function extension(key: EntityKey, name: string): Record<string, unknown> {
  const found: unknown = forgeCert(key).getExtension(name);
  expect(found, `${key}: ${name}`).toBeTypeOf('object');
  return found as Record<string, unknown>;
}

/** forge keeps primitive ASN.1 values as binary strings. */
function bytes(value: unknown): string {
  if (typeof value !== 'string') throw new Error('expected a primitive ASN.1 value');
  return value;
}

/** The keyIdentifier [0] inside an AuthorityKeyIdentifier, as upper-case hex. */
function authorityKeyId(key: EntityKey): string {
  const raw = extension(key, 'authorityKeyIdentifier').value;
  const sequence = forge.asn1.fromDer(bytes(raw));
  const keyId = (sequence.value as forge.asn1.Asn1[])[0]?.value;
  return forge.util.bytesToHex(bytes(keyId)).toUpperCase();
}

const subjectKeyId = (key: EntityKey) =>
  String(extension(key, 'subjectKeyIdentifier').subjectKeyIdentifier).toUpperCase();

const ALL_KEYS = ENTITY_KEYS;
const LEAVES = ALL_KEYS.filter((key) => key !== 'ca' && key !== 'untrustedCa');
const CLIENTS: ClientKey[] = [
  'clientMusterstadt',
  'clientBeispielkreis',
  'clientExpired',
  'untrustedClient',
];
const SERVERS: EntityKey[] = ['server', 'untrustedServer'];

interface Register {
  port: number;
  /** Resolves with the reason of the next refused handshake (OpenSSL verify code). */
  nextRefusal: () => Promise<string>;
  close: () => Promise<void>;
}

/** A stand-in for the training register: mutual TLS, trusts only Test-DOI-CA, echoes the peer. */
async function startRegister(serverKey: EntityKey): Promise<Register> {
  const server = createServer(
    {
      cert: pem(serverKey),
      key: readFileSync(entity(serverKey).files.key),
      ca: pem('ca'),
      requestCert: true,
      rejectUnauthorized: true,
      minVersion: 'TLSv1.2',
    },
    (req, res) => {
      const { subject } = (req.socket as TLSSocket).getPeerCertificate();
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ O: subject.O, OU: subject.OU, CN: subject.CN }));
    },
  );
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  // With rejectUnauthorized Node drops the socket without a TLS alert, so the client only sees
  // a reset; the reason is on the server socket.
  const nextRefusal = () =>
    new Promise<string>((refused) =>
      server.once('tlsClientError', (error: NodeJS.ErrnoException, socket: TLSSocket) => {
        // @types/node says Error, but Node stores OpenSSL's verify code string here.
        const reason: unknown = socket.authorizationError;
        refused(typeof reason === 'string' ? reason : String(error.code));
      }),
    );
  const close = () =>
    new Promise<void>((closed) => {
      server.closeAllConnections();
      server.close(() => closed());
    });
  return { port, nextRefusal, close };
}

type Outcome =
  | { ok: true; status: number; peer: Record<string, string> }
  | { ok: false; code: string; message: string };

interface ClientOptions {
  client?: ClientKey;
  trust?: EntityKey;
  servername?: string;
  maxVersion?: SecureVersion;
}

function callRegister(port: number, options: ClientOptions = {}): Promise<Outcome> {
  const { client, trust = 'ca', servername, maxVersion = 'TLSv1.3' } = options;
  return new Promise((settle) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/',
        agent: false,
        ca: pem(trust),
        minVersion: 'TLSv1.2',
        maxVersion,
        ...(servername ? { servername } : {}),
        ...(client ? { pfx: p12(client), passphrase: pki.p12Password } : {}),
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          settle({
            ok: true,
            status: res.statusCode ?? 0,
            peer: JSON.parse(body) as Record<string, string>,
          }),
        );
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) =>
      settle({ ok: false, code: error.code ?? '', message: error.message }),
    );
    req.end();
  });
}

/** Finds `oid` as a DER-encoded OBJECT IDENTIFIER anywhere in `der`. */
function containsOid(der: Buffer, oid: string): boolean {
  const body = Buffer.from(forge.asn1.oidToDer(oid).getBytes(), 'binary');
  return der.includes(Buffer.concat([Buffer.from([0x06, body.length]), body]));
}

// ---------------------------------------------------------------------------------------------

describe('manifest', () => {
  it('is written next to the files and loads back identically', () => {
    expect(loadTestPki(pki.outDir)).toEqual(pki);
    expect(pki.p12Password).toBe(TEST_PKI_PASSWORD);
    expect(readFileSync(join(pki.outDir, 'manifest.json'), 'utf8')).not.toContain(pki.outDir);
  });

  it('names the file of every certificate with its fingerprint and validity', () => {
    for (const key of ALL_KEYS) {
      const cert = x509(key);
      expect(cert.fingerprint256, key).toBe(entity(key).fingerprint256);
      expect(new Date(cert.validTo).toISOString(), key).toBe(entity(key).notAfter);
      expect(new Date(cert.validFrom).toISOString(), key).toBe(entity(key).notBefore);
    }
  });

  it('fails with the German hint when the PKI was never generated', () => {
    expect(() => loadTestPki(tempDir())).toThrow('Test-PKI fehlt: bitte `npm run pki` ausführen');
  });
});

describe('certificates', () => {
  it('Test-DOI-CA is a self-signed CA that may sign certificates and CRLs only', () => {
    const ca = x509('ca');
    expect(ca.ca).toBe(true);
    expect(ca.subject).toContain('CN=Test-DOI-CA');
    expect(ca.checkIssued(ca)).toBe(true);
    expect(ca.verify(ca.publicKey)).toBe(true);
    expect(extension('ca', 'basicConstraints')).toMatchObject({ cA: true, critical: true });
    expect(extension('ca', 'keyUsage')).toMatchObject({
      keyCertSign: true,
      cRLSign: true,
      digitalSignature: false,
      critical: true,
    });
    expect(authorityKeyId('ca')).toBe(subjectKeyId('ca'));
  });

  it.each(LEAVES)('%s is signed by its own CA only and links to it by key identifier', (key) => {
    const issuerKey = entity(key).issuer;
    const otherCa = issuerKey === 'ca' ? 'untrustedCa' : 'ca';
    const cert = x509(key);
    expect(cert.ca).toBe(false);
    expect(cert.checkIssued(x509(issuerKey))).toBe(true);
    expect(cert.verify(x509(issuerKey).publicKey)).toBe(true);
    expect(cert.verify(x509(otherCa).publicKey)).toBe(false);
    expect(authorityKeyId(key)).toBe(subjectKeyId(issuerKey));
    expect(entity(key).trusted).toBe(issuerKey === 'ca');
  });

  it.each(ALL_KEYS)('%s: RSA ≥ 3072 bit, SHA-256 signature, key file matches', (key) => {
    const cert = x509(key);
    expect(cert.publicKey.asymmetricKeyType).toBe('rsa');
    expect(cert.publicKey.asymmetricKeyDetails?.modulusLength).toBeGreaterThanOrEqual(3072);
    expect(forgeCert(key).signatureOid).toBe(OID.sha256WithRsa);
    expect(cert.checkPrivateKey(createPrivateKey(readFileSync(entity(key).files.key)))).toBe(true);
  });

  it('serial numbers are random, positive and distinct', () => {
    const serials = ALL_KEYS.map((key) => x509(key).serialNumber);
    expect(new Set(serials).size).toBe(serials.length);
    for (const serial of serials) expect(serial).toMatch(/^[0-7][0-9A-F]{31}$/);
  });

  it.each(SERVERS)('%s serves localhost, 127.0.0.1 and ::1 for serverAuth', (key) => {
    const cert = x509(key);
    expect(cert.checkHost('localhost')).toBe('localhost');
    expect(cert.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(cert.checkIP('::1')).toBe('::1');
    expect(cert.checkHost('example.org')).toBeUndefined();
    expect(cert.keyUsage).toEqual([OID.serverAuth]);
    expect(extension(key, 'keyUsage')).toMatchObject({
      digitalSignature: true,
      keyEncipherment: true,
      keyCertSign: false,
    });
  });

  it.each(CLIENTS)('%s is a clientAuth certificate', (key) => {
    expect(x509(key).keyUsage).toEqual([OID.clientAuth]);
    expect(extension(key, 'keyUsage')).toMatchObject({
      digitalSignature: true,
      keyEncipherment: true,
      keyCertSign: false,
    });
  });

  it('the two authorities differ in O and OU; umlauts survive as UTF-8', () => {
    const musterstadt = x509('clientMusterstadt').subject.split('\n');
    const beispielkreis = x509('clientBeispielkreis').subject.split('\n');
    expect(musterstadt).toEqual([
      'C=DE',
      'O=ABH Musterstadt',
      'OU=Ausländerbehörde',
      'CN=ABH Musterstadt Testzugang',
    ]);
    expect(beispielkreis).toEqual([
      'C=DE',
      'O=ABH Beispielkreis',
      'OU=Fachdienst Migration',
      'CN=ABH Beispielkreis Testzugang',
    ]);
  });

  it('only the expired client certificate is outside its validity period', () => {
    const now = Date.now();
    for (const key of ALL_KEYS) {
      const cert = x509(key);
      const valid = Date.parse(cert.validFrom) <= now && now < Date.parse(cert.validTo);
      expect(valid, key).toBe(key !== 'clientExpired');
      expect(entity(key).validAtGeneration, key).toBe(valid);
    }
    // Expired, but inside its CA's lifetime: refused for expiry, nothing else.
    expect(Date.parse(x509('clientExpired').validFrom)).toBeGreaterThan(
      Date.parse(x509('ca').validFrom),
    );
  });
});

describe('PKCS#12', () => {
  it.each(CLIENTS)('%s.p12 uses AES-256-CBC, PBKDF2-HMAC-SHA256 and a SHA-256 MAC', (key) => {
    const der = p12(key);
    expect(containsOid(der, OID.aes256Cbc)).toBe(true);
    expect(containsOid(der, OID.hmacWithSha256)).toBe(true);
    for (const weak of [OID.pbeSha40BitRc2, OID.pbeSha128BitRc2, OID.pbeSha3KeyTripleDes]) {
      expect(containsOid(der, weak)).toBe(false);
    }
    const pfx = forge.asn1.fromDer(der.toString('binary'));
    const macData = (pfx.value as forge.asn1.Asn1[])[2];
    const digestAlgorithm = (macData?.value as forge.asn1.Asn1[])[0]?.value as forge.asn1.Asn1[];
    const macOid = (digestAlgorithm[0]?.value as forge.asn1.Asn1[])[0]?.value;
    expect(forge.asn1.derToOid(bytes(macOid))).toBe(OID.sha256);
  });

  it.each(CLIENTS)('%s.p12 holds exactly its key and certificate', (key) => {
    const parsed = forge.pkcs12.pkcs12FromAsn1(
      forge.asn1.fromDer(p12(key).toString('binary')),
      pki.p12Password,
    );
    const certBags = parsed.getBags({ bagType: forge.pki.oids.certBag ?? '' });
    const keyBags = parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag ?? '' });
    const certs = Object.values(certBags).flat();
    expect(certs).toHaveLength(1);
    expect(Object.values(keyBags).flat()).toHaveLength(1);
    const der = forge.asn1.toDer(forge.pki.certificateToAsn1(certs[0]!.cert!)).getBytes();
    expect(new X509Certificate(Buffer.from(der, 'binary')).fingerprint256).toBe(
      entity(key).fingerprint256,
    );
  });

  it('OpenSSL (Node) opens it with the test password and rejects a wrong one', () => {
    const pfx = p12('clientMusterstadt');
    expect(() => createSecureContext({ pfx, passphrase: TEST_PKI_PASSWORD })).not.toThrow();
    expect(() => createSecureContext({ pfx, passphrase: 'falsch' })).toThrow(/mac verify/i);
  });
});

describe('mutual TLS against a register that trusts Test-DOI-CA', () => {
  let register: Register;
  let untrustedRegister: Register;

  beforeAll(async () => {
    register = await startRegister('server');
    untrustedRegister = await startRegister('untrustedServer');
  });

  afterAll(async () => {
    await register.close();
    await untrustedRegister.close();
  });

  it.each(['TLSv1.2', 'TLSv1.3'] as const)(
    'ABH Musterstadt connects over %s to localhost and is identified by O/OU',
    async (maxVersion) => {
      const outcome = await callRegister(register.port, {
        client: 'clientMusterstadt',
        servername: 'localhost',
        maxVersion,
      });
      expect(outcome).toEqual({
        ok: true,
        status: 200,
        peer: { O: 'ABH Musterstadt', OU: 'Ausländerbehörde', CN: 'ABH Musterstadt Testzugang' },
      });
    },
  );

  it('ABH Beispielkreis connects to 127.0.0.1 and is identified by its own O/OU', async () => {
    const outcome = await callRegister(register.port, { client: 'clientBeispielkreis' });
    expect(outcome).toEqual({
      ok: true,
      status: 200,
      peer: {
        O: 'ABH Beispielkreis',
        OU: 'Fachdienst Migration',
        CN: 'ABH Beispielkreis Testzugang',
      },
    });
  });

  it.each([
    ['the expired client certificate', 'clientExpired', 'CERT_HAS_EXPIRED'],
    [
      'an untrusted-CA certificate despite a known subject',
      'untrustedClient',
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    ],
    ['a client without certificate', undefined, 'ERR_SSL_PEER_DID_NOT_RETURN_A_CERTIFICATE'],
  ] as const)('refuses %s', async (_, client, reason) => {
    const refusal = register.nextRefusal();
    const outcome = await callRegister(register.port, client ? { client } : {});
    expect(outcome.ok).toBe(false);
    expect(await refusal).toBe(reason);
  });

  it('a client trusting only Test-DOI-CA refuses the untrusted server certificate', async () => {
    const outcome = await callRegister(untrustedRegister.port, {
      client: 'clientMusterstadt',
      servername: 'localhost',
    });
    expect(outcome).toMatchObject({ ok: false, code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
  });

  it('…and accepts it once it trusts the untrusted CA (the certificate itself is sound)', async () => {
    const outcome = await callRegister(untrustedRegister.port, {
      client: 'clientMusterstadt',
      servername: 'localhost',
      trust: 'untrustedCa',
    });
    expect(outcome).toMatchObject({ ok: true, status: 200 });
  });
});

describe('freshness', () => {
  it('keeps a PKI that is valid for longer than the renewal margin', () => {
    expect(staleReason(pki)).toBeUndefined();
    const nearExpiry = new Date(Date.parse(entity('server').notAfter) - RENEW_BEFORE_MS + DAY_MS);
    expect(staleReason(pki, nearExpiry)).toMatch(/server: läuft ab/);
  });

  it('notices when a certificate file no longer matches the manifest', () => {
    const server = pki.entities.server;
    const swapped: TestPki = {
      ...pki,
      entities: {
        ...pki.entities,
        server: {
          ...server,
          files: { ...server.files, cert: entity('untrustedServer').files.cert },
        },
      },
    };
    expect(staleReason(swapped)).toMatch(/server: Zertifikatsdatei passt nicht/);
  });

  it(
    'ensureTestPki generates once for concurrent callers, then keeps the PKI',
    async () => {
      const outDir = tempDir();
      const reasons: string[] = [];
      const onGenerate = (reason: string) => reasons.push(reason);
      const [first, second] = await Promise.all([
        ensureTestPki({ outDir, onGenerate }),
        ensureTestPki({ outDir, onGenerate }),
      ]);
      expect(reasons).toEqual(['noch nicht erzeugt']);
      expect(second).toEqual(first);
      expect(await ensureTestPki(outDir)).toEqual(first);
    },
    GENERATION_TIMEOUT_MS,
  );

  it(
    'ensureTestPki regenerates a PKI whose certificates are about to expire',
    async () => {
      const outDir = tempDir();
      const longAgo = new Date(Date.now() - 350 * DAY_MS);
      const old = await ensureTestPki({ outDir, now: longAgo });
      const reasons: string[] = [];
      const fresh = await ensureTestPki({ outDir, onGenerate: (reason) => reasons.push(reason) });
      expect(reasons).toHaveLength(1);
      expect(reasons[0]).toMatch(/läuft ab/);
      expect(fresh.entities.server.fingerprint256).not.toBe(old.entities.server.fingerprint256);
      expect(staleReason(loadTestPki(outDir))).toBeUndefined();
    },
    GENERATION_TIMEOUT_MS,
  );
});
