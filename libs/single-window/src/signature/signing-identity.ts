// The key and certificate every message is signed with (CONTRACT 8.3): PEM files
// (SINGLE_WINDOW_KEY, SINGLE_WINDOW_CERT), the algorithm read from the key; without them, a dev
// RSA key and a self-signed certificate, made once in a folder and used again after.
import { createPrivateKey, generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as forge from 'node-forge';
import { sm2 } from 'sm-crypto';
import { ConfigError } from '../config-error';
import { certificateInfo, privateKeyInfo } from './pem';

export type SigningAlgorithm = 'RSA-SHA1' | 'SM2-SM3';

export interface SigningIdentity {
  algorithm: SigningAlgorithm;
  privateKeyPem: string;
  certificatePem: string;
  /** The certificate's serial number in upper-case hex: the signature's KeyName. */
  serialHex: string;
}

export const DEV_KEY_FILE = 'dev-signing-key.pem';
export const DEV_CERT_FILE = 'dev-signing-cert.pem';

/**
 * The identity of `keyFile` and `certFile`, which go together; without either, the dev identity
 * kept in `devDir` (made there the first time). A key that is neither RSA nor SM2, a certificate
 * of another key, or a file that cannot be read is a ConfigError.
 */
export function loadSigningIdentity(opts: { keyFile?: string; certFile?: string; devDir: string }): { identity: SigningIdentity; isDevIdentity: boolean } {
  const { keyFile, certFile } = opts;
  if (keyFile || certFile) {
    if (!keyFile || !certFile) throw new ConfigError('SINGLE_WINDOW_KEY and SINGLE_WINDOW_CERT go together: set both, or neither for the dev identity');
    return { identity: signingIdentityOf(readPem(keyFile, 'SINGLE_WINDOW_KEY'), readPem(certFile, 'SINGLE_WINDOW_CERT'), `${keyFile} and ${certFile}`), isDevIdentity: false };
  }
  return { identity: devIdentity(opts.devDir), isDevIdentity: true };
}

/** The identity of a PEM key and certificate, checked: a usable key, and the certificate of that key. */
export function signingIdentityOf(privateKeyPem: string, certificatePem: string, what = 'the signing key and certificate'): SigningIdentity {
  let key: ReturnType<typeof privateKeyInfo>;
  let certificate: ReturnType<typeof certificateInfo>;
  try {
    key = privateKeyInfo(privateKeyPem);
    certificate = certificateInfo(certificatePem);
  } catch (error) {
    throw new ConfigError(`${what} cannot be used: ${(error as Error).message}`);
  }
  if (!certificateMatches(key, certificate, privateKeyPem, certificatePem)) throw new ConfigError(`${what} do not belong together: the certificate is not of that key`);
  return { algorithm: key.algorithm === 'SM2' ? 'SM2-SM3' : 'RSA-SHA1', privateKeyPem, certificatePem, serialHex: certificate.serialHex };
}

function certificateMatches(key: ReturnType<typeof privateKeyInfo>, certificate: ReturnType<typeof certificateInfo>, privateKeyPem: string, certificatePem: string): boolean {
  if (key.algorithm !== certificate.algorithm) return false;
  if (key.algorithm === 'SM2') return sm2.getPublicKeyFromPrivateKey(key.sm2PrivateKeyHex as string).toLowerCase() === certificate.publicKeyHex;
  return new X509Certificate(certificatePem).checkPrivateKey(createPrivateKey(privateKeyPem));
}

function readPem(file: string, variable: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${variable} ${file} cannot be read: ${(error as Error).message}`);
  }
}

/**
 * The dev identity in `devDir`. Made when missing (or when what is there does not belong
 * together: two processes that made one at the same moment), each file written whole under a
 * temporary name first. A message carries the certificate it was signed with, so a process that
 * lost such a race still signs verifiable messages.
 */
function devIdentity(devDir: string): SigningIdentity {
  const keyFile = path.join(devDir, DEV_KEY_FILE);
  const certFile = path.join(devDir, DEV_CERT_FILE);
  if (existsSync(keyFile) && existsSync(certFile)) {
    try {
      return signingIdentityOf(readFileSync(keyFile, 'utf8'), readFileSync(certFile, 'utf8'), `the dev signing identity in ${devDir}`);
    } catch {
      // Made anew below.
    }
  }
  const made = makeDevIdentity();
  try {
    mkdirSync(devDir, { recursive: true });
    writeWhole(certFile, made.certificatePem, 0o644);
    writeWhole(keyFile, made.privateKeyPem, 0o600);
  } catch (error) {
    throw new ConfigError(`the dev signing identity cannot be kept in ${devDir}: ${(error as Error).message}`);
  }
  return made;
}

function writeWhole(file: string, content: string, mode: number): void {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temporary, content, { mode });
  renameSync(temporary, file);
}

/** A 2048-bit RSA key and a self-signed certificate of ten years (node-forge signs it). */
export function makeDevIdentity(now: Date = new Date()): SigningIdentity {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const forgeKey = forge.pki.privateKeyFromPem(privateKeyPem) as forge.pki.rsa.PrivateKey;
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e);
  // A positive serial of 16 bytes: the first byte below 0x80.
  certificate.serialNumber = `01${randomBytes(15).toString('hex')}`;
  certificate.validity.notBefore = now;
  certificate.validity.notAfter = new Date(now.getTime() + 10 * 365 * 86_400_000);
  const name = [
    { name: 'commonName', value: 'cbec clearance dev signing (not for customs)' },
    { name: 'organizationName', value: 'development only' },
  ];
  certificate.setSubject(name);
  certificate.setIssuer(name);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
  ]);
  certificate.sign(forgeKey, forge.md.sha256.create());
  const certificatePem = forge.pki.certificateToPem(certificate);
  return signingIdentityOf(privateKeyPem, certificatePem, 'the dev signing identity just made');
}
