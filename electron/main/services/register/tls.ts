// TLS parameters for the register connection per BSI TR-02102-2 (domain.md §6): TLS 1.2 with ECDHE
// and AES-GCM, or TLS 1.3 with AES-GCM. One table for both hosts.

/** OpenSSL names, for Node's `tls` (browser host). */
export const TR_02102_CIPHERS = [
  'TLS_AES_256_GCM_SHA384',
  'TLS_AES_128_GCM_SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES128-GCM-SHA256',
].join(':');

/**
 * TLS 1.2 suites BoringSSL would otherwise offer but TR-02102-2 does not recommend: static RSA key
 * exchange (no forward secrecy), CBC modes, 3DES and ChaCha20 (not in the BSI list). For Electron's
 * `session.setSSLConfig({ disabledCipherSuites })`; TLS 1.3 suites cannot be disabled there.
 */
export const DISABLED_TLS12_CIPHER_SUITES: readonly number[] = [
  0x000a, // TLS_RSA_WITH_3DES_EDE_CBC_SHA
  0x002f, // TLS_RSA_WITH_AES_128_CBC_SHA
  0x0035, // TLS_RSA_WITH_AES_256_CBC_SHA
  0x009c, // TLS_RSA_WITH_AES_128_GCM_SHA256
  0x009d, // TLS_RSA_WITH_AES_256_GCM_SHA384
  0xc009, // TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA
  0xc00a, // TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA
  0xc013, // TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA
  0xc014, // TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA
  0xcca8, // TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256
  0xcca9, // TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256
];
