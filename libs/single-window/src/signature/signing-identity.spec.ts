import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ConfigError } from '../config-error';
import { signMessage, verifyMessage } from './sign-message';
import { DEV_CERT_FILE, DEV_KEY_FILE, loadSigningIdentity, signingIdentityOf } from './signing-identity';

const KEYS = path.join(__dirname, 'test-keys');
const keys = (name: string) => readFileSync(path.join(KEYS, name), 'utf8');
const MESSAGE = '<?xml version="1.0" encoding="UTF-8"?>\n<ceb:CEB311Message xmlns:ceb="http://www.chinaport.gov.cn/ceb" guid="G" version="1.0"><ceb:Order/></ceb:CEB311Message>';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'single-window-identity-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('loadSigningIdentity', () => {
  it('without files makes a dev RSA key and self-signed certificate once, and uses them again', () => {
    const first = loadSigningIdentity({ devDir: dir });
    expect(first).toMatchObject({ isDevIdentity: true, identity: { algorithm: 'RSA-SHA1', serialHex: expect.stringMatching(/^[0-9A-F]+$/) } });
    expect(statSync(path.join(dir, DEV_KEY_FILE)).mode & 0o777).toBe(0o600);
    const again = loadSigningIdentity({ devDir: dir });
    expect(again.identity).toEqual(first.identity);
    expect(verifyMessage(signMessage(MESSAGE, again.identity))).toEqual({ valid: true });
  });

  it('makes the dev identity anew when what is kept does not belong together', () => {
    const first = loadSigningIdentity({ devDir: dir }).identity;
    writeFileSync(path.join(dir, DEV_CERT_FILE), keys('rsa-cert.pem'));
    const next = loadSigningIdentity({ devDir: dir }).identity;
    expect(next.serialHex).not.toBe(first.serialHex);
    expect(readFileSync(path.join(dir, DEV_CERT_FILE), 'utf8')).toBe(next.certificatePem);
  });

  it.each([
    ['an RSA key', 'rsa-key.pem', 'rsa-cert.pem', 'RSA-SHA1'],
    ['an SM2 key (PKCS#8)', 'sm2-key.pem', 'sm2-cert.pem', 'SM2-SM3'],
    ['an SM2 key in its own format', 'sm2-key-sec1.pem', 'sm2-cert.pem', 'SM2-SM3'],
  ])('reads the algorithm of %s from the key', (_, key, cert, algorithm) => {
    const loaded = loadSigningIdentity({ keyFile: path.join(KEYS, key), certFile: path.join(KEYS, cert), devDir: dir });
    expect(loaded).toMatchObject({ isDevIdentity: false, identity: { algorithm } });
    expect(existsSync(path.join(dir, DEV_KEY_FILE))).toBe(false);
  });

  it('reads an SM2 key labelled EC PRIVATE KEY', () => {
    const sec1 = keys('sm2-key-sec1.pem').replace(/SM2 PRIVATE KEY/g, 'EC PRIVATE KEY');
    expect(signingIdentityOf(sec1, keys('sm2-cert.pem')).algorithm).toBe('SM2-SM3');
  });

  it.each([
    ['a key without its certificate', { keyFile: path.join(KEYS, 'rsa-key.pem') }, /SINGLE_WINDOW_KEY and SINGLE_WINDOW_CERT go together/],
    ['a file that is not there', { keyFile: '/nowhere/key.pem', certFile: path.join(KEYS, 'rsa-cert.pem') }, /SINGLE_WINDOW_KEY \/nowhere\/key.pem cannot be read/],
    ['a certificate of another key', { keyFile: path.join(KEYS, 'rsa-key.pem'), certFile: path.join(KEYS, 'sm2-cert.pem') }, /do not belong together/],
    ['an SM2 key with an RSA certificate', { keyFile: path.join(KEYS, 'sm2-key.pem'), certFile: path.join(KEYS, 'rsa-cert.pem') }, /do not belong together/],
  ])('stops start-up on %s (ConfigError)', (_, files, message) => {
    expect(() => loadSigningIdentity({ ...files, devDir: dir })).toThrow(ConfigError);
    expect(() => loadSigningIdentity({ ...files, devDir: dir })).toThrow(message);
  });

  it('stops start-up on a key that is neither RSA nor SM2', () => {
    const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => signingIdentityOf(p256, keys('rsa-cert.pem'))).toThrow(/neither RSA nor SM2 \(algorithm 1\.2\.840\.10045\.2\.1, curve 1\.2\.840\.10045\.3\.1\.7\)/);
  });

  it('stops start-up on an encrypted key', () => {
    const encrypted = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'secret' }).toString();
    expect(() => signingIdentityOf(encrypted, keys('rsa-cert.pem'))).toThrow(/no unencrypted PEM private key/);
  });
});
