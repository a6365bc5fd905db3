import { checkServerIdentity } from 'node:tls';
import type { PeerCertificate } from 'node:tls';
import { Agent, fetch as undiciFetch } from 'undici';
import { peerChainIsPinned } from '../certificates';
import { CertificateUnavailableError, ServerUntrustedError } from './failures';
import type { RegisterFetch } from './gateway';
import { TR_02102_CIPHERS } from './tls';

// The register transport of the browser host (architecture §3): undici with a PKCS#12 file in place
// of the OS keystore. The configured CAs are the only trust anchors (never Node's bundled roots), and
// on top the verified chain must contain a pinned CA — the same rule as Electron's verify proc.

export interface ClientIdentity {
  /** Identifies the identity for connection reuse (the certificate's fingerprint). */
  readonly fingerprint: string;
  readonly pfx: Buffer;
  readonly passphrase: string;
}

export interface NodeRegisterFetchOptions {
  /** PEM of the CA(s) that may issue the register's server certificate. */
  readonly ca: readonly string[];
  /** Policy `pinnedCaFingerprints`; read per connection. */
  readonly pins: () => readonly string[];
  /** The certificate chosen by the certificate rule, or undefined: then nothing is sent at all. */
  readonly clientIdentity: () => ClientIdentity | undefined;
}

export interface NodeRegisterFetch {
  readonly fetch: RegisterFetch;
  close(): Promise<void>;
}

export function createNodeRegisterFetch(options: NodeRegisterFetchOptions): NodeRegisterFetch {
  const agents = new Map<string, Agent>();

  const agentFor = (identity: ClientIdentity) => {
    let agent = agents.get(identity.fingerprint);
    if (!agent) {
      agent = new Agent({
        connect: {
          ca: [...options.ca],
          pfx: identity.pfx,
          passphrase: identity.passphrase,
          minVersion: 'TLSv1.2',
          ciphers: TR_02102_CIPHERS,
          rejectUnauthorized: true,
          checkServerIdentity: (hostname: string, peer: PeerCertificate) => {
            const mismatch = checkServerIdentity(hostname, peer);
            if (mismatch) return mismatch;
            return peerChainIsPinned(peer, options.pins()) ? undefined : new ServerUntrustedError();
          },
        },
      });
      agents.set(identity.fingerprint, agent);
    }
    return agent;
  };

  return {
    async fetch(url, init) {
      const identity = options.clientIdentity();
      if (!identity) throw new CertificateUnavailableError();
      const response = await undiciFetch(url, {
        method: init.method,
        headers: init.headers,
        ...(init.body !== undefined ? { body: init.body } : {}),
        signal: init.signal,
        redirect: 'error',
        dispatcher: agentFor(identity),
      });
      return response;
    },
    async close() {
      await Promise.all([...agents.values()].map((agent) => agent.close()));
      agents.clear();
    },
  };
}
