// The signature of CONTRACT 8.3, checked by this lib (xml-crypto) and by a second, independent
// verifier: xmlsec1 for RSA-SHA1; for SM2-SM3, which xmlsec1 does not know, libxml2's C14N
// (xmllint) with OpenSSL's SM3 and SM2. Each is made to refuse a message one byte of which changed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildInventoryMessage, buildOrderMessage } from '../messages/build-messages';
import { bondedOrder, declarationOf, directMailOrder, messageContext } from '../testing/worked-orders';
import { C14N, ENVELOPED_SIGNATURE, signMessage, verifyMessage } from './sign-message';
import { signingIdentityOf, SigningIdentity } from './signing-identity';
import { SM2_SM3_SIGNATURE, SM3_DIGEST } from './sm2-sm3';

const keys = (name: string) => readFileSync(path.join(__dirname, 'test-keys', name), 'utf8');
const RSA = signingIdentityOf(keys('rsa-key.pem'), keys('rsa-cert.pem'));
const SM2 = signingIdentityOf(keys('sm2-key.pem'), keys('sm2-cert.pem'));

/** The independent verifiers are there, or why not (`npm test` installs them first: scripts/ensure-xml-tools.js). */
function xmlToolsStatus(): { ok: boolean; reason?: string } {
  const missing = [['xmlsec1', '--version'], ['xmllint', '--version'], ['openssl', 'version']].filter(([command, arg]) => spawnSync(command, [arg], { stdio: 'ignore' }).status !== 0);
  return missing.length === 0 ? { ok: true } : { ok: false, reason: `${missing.map(([command]) => command).join(', ')} missing: run "node scripts/ensure-xml-tools.js" as root` };
}

const tools = xmlToolsStatus();
if (!tools.ok) process.stderr.write(`\n[single-window signature] independent verifiers SKIPPED: ${tools.reason}\n`);
const withTools = tools.ok ? it : it.skip;

function inventoryList(): string {
  return buildInventoryMessage({ declaration: declarationOf(bondedOrder(), 'D2026111100000002'), legalUnits: ['035'], copNo: 'D2026111100000002', appType: '1' }, messageContext());
}

/** The message with one byte changed: a price of the list. */
function tampered(signed: string): string {
  const at = signed.indexOf('<ceb:price>199.00<');
  return `${signed.slice(0, at)}<ceb:price>199.01<${signed.slice(at + '<ceb:price>199.00<'.length)}`;
}

const between = (text: string, open: RegExp, close: string): string => {
  const start = text.search(open);
  const end = text.indexOf(close, start);
  if (start < 0 || end < 0) throw new Error(`no ${open} ... ${close}`);
  return text.slice(start, end + close.length);
};
const textOf = (xml: string, element: string) => new RegExp(`<ds:${element}>([^<]*)</ds:${element}>`).exec(xml)?.[1] ?? '';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'single-window-signature-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(command: string, args: string[], input?: Buffer): { status: number | null; out: string; stdout: Buffer } {
  const result = spawnSync(command, args, { input, maxBuffer: 16 * 1024 * 1024 });
  return { status: result.status, out: `${result.stdout.toString()}${result.stderr.toString()}`, stdout: result.stdout };
}

function file(name: string, content: string | Buffer): string {
  const at = path.join(dir, name);
  writeFileSync(at, content);
  return at;
}

describe.each([
  ['RSA-SHA1', RSA, 'http://www.w3.org/2000/09/xmldsig#rsa-sha1', 'http://www.w3.org/2000/09/xmldsig#sha1'],
  ['SM2-SM3', SM2, SM2_SM3_SIGNATURE, SM3_DIGEST],
] as const)('a message signed with %s', (algorithm, identity: SigningIdentity, signatureUri, digestUri) => {
  const signed = signMessage(inventoryList(), identity);

  it('reads the algorithm from the key', () => expect(identity.algorithm).toBe(algorithm));

  it('carries the enveloped signature of CONTRACT 8.3 as the root\'s last child', () => {
    const signature = between(signed, /<ds:Signature /, '</ds:Signature>');
    expect(signed.trimEnd().endsWith(`${signature}</ceb:CEB621Message>`)).toBe(true);
    expect(signature).toContain('xmlns:ds="http://www.w3.org/2000/09/xmldsig#"');
    expect(signature).toContain(`<ds:CanonicalizationMethod Algorithm="${C14N}"/>`);
    expect(signature).toContain(`<ds:SignatureMethod Algorithm="${signatureUri}"/>`);
    expect(signature).toContain(`<ds:Reference URI=""><ds:Transforms><ds:Transform Algorithm="${ENVELOPED_SIGNATURE}"/></ds:Transforms><ds:DigestMethod Algorithm="${digestUri}"/>`);
    expect(signature.match(/<ds:Reference /g)).toHaveLength(1);
    expect(textOf(signature, 'KeyName')).toBe(identity.serialHex);
    expect(textOf(signature, 'X509Certificate')).toBe(identity.certificatePem.replace(/-----[^-]+-----|\s/g, ''));
  });

  it('is verified with the certificate it carries', () => expect(verifyMessage(signed)).toEqual({ valid: true }));

  it('is refused once one byte of the message changed', () => {
    expect(verifyMessage(tampered(signed))).toEqual({ valid: false, reason: expect.stringContaining('calculated digest') });
  });

  it('is refused once its SignedInfo changed', () => {
    const digest = textOf(signed, 'DigestValue');
    const other = `${digest[0] === 'A' ? 'B' : 'A'}${digest.slice(1)}`;
    expect(verifyMessage(signed.replace(digest, other)).valid).toBe(false);
  });

  withTools('is well-formed XML (xmllint)', () => {
    const checked = run('xmllint', ['--noout', file(`${algorithm}.xml`, signed)]);
    expect(checked).toMatchObject({ status: 0, out: '' });
  });
});

describe('RSA-SHA1, verified by xmlsec1', () => {
  const signed = signMessage(inventoryList(), RSA);

  withTools('verifies with the signer\'s certificate given apart, and with the one the message carries', () => {
    const message = file('rsa-signed.xml', signed);
    const given = run('xmlsec1', ['--verify', '--pubkey-cert-pem', path.join(__dirname, 'test-keys', 'rsa-cert.pem'), message]);
    process.stdout.write(`[xmlsec1 --verify --pubkey-cert-pem rsa-cert.pem] exit ${given.status}\n${given.out}\n`);
    expect(given.status).toBe(0);
    expect(given.out).toMatch(/^OK$/m);
    expect(given.out).toContain('SignedInfo References (ok/all): 1/1');
    // The carried certificate is used as it is, trusted because it is the one expected.
    const carried = file('carried-cert.pem', `-----BEGIN CERTIFICATE-----\n${textOf(signed, 'X509Certificate').match(/.{1,64}/g)?.join('\n')}\n-----END CERTIFICATE-----\n`);
    const embedded = run('xmlsec1', ['--verify', '--trusted-pem', carried, message]);
    expect(embedded.status).toBe(0);
    expect(embedded.out).toMatch(/^OK$/m);
  });

  withTools('refuses it once one byte changed', () => {
    const refused = run('xmlsec1', ['--verify', '--pubkey-cert-pem', path.join(__dirname, 'test-keys', 'rsa-cert.pem'), file('rsa-tampered.xml', tampered(signed))]);
    process.stdout.write(`[xmlsec1 on the message with one byte changed] exit ${refused.status}\n${refused.out.split('\n').filter((line) => /FAIL|ERROR|References/.test(line)).join('\n')}\n`);
    expect(refused.status).not.toBe(0);
    expect(refused.out).toMatch(/FAIL/);
  });
});

/**
 * SM2-SM3 checked without xml-crypto or sm-crypto: the document without its signature and the
 * SignedInfo are canonicalized by libxml2 (xmllint --c14n), the digest is OpenSSL's SM3, and the
 * signature OpenSSL's SM2 with the default user id, on the public key of the carried certificate.
 */
function opensslVerifiesSm2(signed: string, name: string): { digestMatches: boolean; signatureVerified: boolean; out: string } {
  // The enveloped-signature transform: the document as it is, without the Signature element.
  const signature = between(signed, /<ds:Signature /, '</ds:Signature>');
  const unsigned = file(`${name}-unsigned.xml`, signed.replace(signature, ''));
  const canonical = run('xmllint', ['--c14n', unsigned]);
  const digest = run('openssl', ['dgst', '-sm3', '-binary'], canonical.stdout);
  const digestMatches = digest.stdout.toString('base64') === textOf(signed, 'DigestValue');
  // SignedInfo with the namespaces in scope where it stands (the root's and the Signature's declarations).
  const declarations = [signed.match(/<ceb:CEB\d+Message [^>]*>/)?.[0] ?? '', signature.match(/<ds:Signature [^>]*>/)?.[0] ?? ''].flatMap((tag) => tag.match(/xmlns(:\w+)?="[^"]*"/g) ?? []);
  const signedInfo = between(signed, /<ds:SignedInfo>/, '</ds:SignedInfo>').replace('<ds:SignedInfo>', `<ds:SignedInfo ${declarations.join(' ')}>`);
  const canonicalSignedInfo = file(`${name}-signedinfo.c14n`, run('xmllint', ['--c14n', file(`${name}-signedinfo.xml`, signedInfo)]).stdout);
  const certificate = file(`${name}-cert.pem`, `-----BEGIN CERTIFICATE-----\n${textOf(signed, 'X509Certificate').match(/.{1,64}/g)?.join('\n')}\n-----END CERTIFICATE-----\n`);
  const publicKey = file(`${name}-pub.pem`, run('openssl', ['x509', '-in', certificate, '-pubkey', '-noout']).stdout);
  const rs = Buffer.from(textOf(signed, 'SignatureValue'), 'base64');
  const sigFile = file(`${name}-sig.der`, derOfSignature(rs.subarray(0, 32), rs.subarray(32)));
  const verified = run('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', publicKey, '-rawin', '-digest', 'sm3', '-in', canonicalSignedInfo, '-sigfile', sigFile, '-pkeyopt', 'distid:1234567812345678']);
  return { digestMatches, signatureVerified: verified.status === 0 && /Signature Verified Successfully/.test(verified.out), out: verified.out.trim() };
}

/** SEQUENCE { INTEGER r, INTEGER s }, as OpenSSL reads an SM2 signature. */
function derOfSignature(r: Buffer, s: Buffer): Buffer {
  const integer = (value: Buffer) => {
    let bytes = value;
    while (bytes.length > 1 && bytes[0] === 0 && bytes[1] < 0x80) bytes = bytes.subarray(1);
    if (bytes[0] >= 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
    return Buffer.concat([Buffer.from([0x02, bytes.length]), bytes]);
  };
  const body = Buffer.concat([integer(r), integer(s)]);
  return Buffer.concat([Buffer.from([0x30, body.length]), body]);
}

describe('SM2-SM3, verified by xmllint\'s C14N and OpenSSL', () => {
  withTools('verifies the digest and the signature of an inventory list and an order', () => {
    for (const [name, message] of [
      ['inventory', inventoryList()],
      ['order', buildOrderMessage(directMailOrder(), messageContext())],
    ] as const) {
      const checked = opensslVerifiesSm2(signMessage(message, SM2), `sm2-${name}`);
      process.stdout.write(`[openssl pkeyutl -verify (SM2, SM3, distid 1234567812345678) of the ${name}] ${checked.out}; SM3 digest of xmllint's C14N matches: ${checked.digestMatches}\n`);
      expect(checked).toMatchObject({ digestMatches: true, signatureVerified: true });
    }
  });

  withTools('refuses it once one byte of the message, or of its SignedInfo, changed', () => {
    const signed = signMessage(inventoryList(), SM2);
    expect(opensslVerifiesSm2(tampered(signed), 'sm2-tampered')).toMatchObject({ digestMatches: false, signatureVerified: true });
    const digest = textOf(signed, 'DigestValue');
    const otherDigest = signed.replace(digest, `${digest[0] === 'A' ? 'B' : 'A'}${digest.slice(1)}`);
    expect(opensslVerifiesSm2(otherDigest, 'sm2-signedinfo')).toMatchObject({ signatureVerified: false });
  });
});

describe('verifyMessage', () => {
  it.each([
    ['text that is not XML', 'not xml at all', /^not XML/],
    ['an unsigned message', inventoryList(), /one Signature, the last child/],
  ])('refuses %s, saying why', (_, xml, reason) => {
    expect(verifyMessage(xml)).toEqual({ valid: false, reason: expect.stringMatching(reason) });
  });

  it('refuses a signature whose KeyName is not the certificate\'s serial number', () => {
    const signed = signMessage(inventoryList(), RSA);
    expect(verifyMessage(signed.replace(`<ds:KeyName>${RSA.serialHex}<`, '<ds:KeyName>0102<'))).toEqual({ valid: false, reason: expect.stringContaining('KeyName 0102') });
  });

  it('refuses a signature that covers only part of the message', () => {
    const signed = signMessage(inventoryList(), RSA);
    expect(verifyMessage(signed.replace('<ds:Reference URI="">', '<ds:Reference URI="#x">'))).toEqual({ valid: false, reason: expect.stringContaining('one Reference, to the whole message') });
  });

  it('refuses a signature made with another key than the certificate\'s', () => {
    const foreign = { ...RSA, certificatePem: SM2.certificatePem, serialHex: SM2.serialHex };
    expect(verifyMessage(signMessage(inventoryList(), foreign)).valid).toBe(false);
  });
});
