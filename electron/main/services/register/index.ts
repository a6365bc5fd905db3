export {
  CertificateUnavailableError,
  ServerUntrustedError,
  classifyTransportError,
  failureCodeOf,
} from './failures';
export type {
  DatenpflegeInput,
  ErstmeldungInput,
  FolgemeldungInput,
  Outcome,
  ProtocolEntryInput,
  ProtocolWriter,
  RegisterFetch,
  RegisterGateway,
  RegisterGatewayDeps,
  RegisterHttpResponse,
  RegisterRequestInit,
  RetryPolicy,
  VorpruefungEntry,
} from './gateway';
export { RegisterRequestError, backoffDelay, createRegisterGateway } from './gateway';
export type { RegisterConfig } from './config';
export {
  DEV_CLIENT_ISSUER,
  DEV_REGISTER_URL,
  registerOrigin,
  resolveRegisterConfig,
} from './config';
export { DISABLED_TLS12_CIPHER_SUITES, TR_02102_CIPHERS } from './tls';
export type { ServerTrustRequest } from './server-trust';
export { VERIFY_ACCEPT, VERIFY_REJECT, decideServerTrust } from './server-trust';
