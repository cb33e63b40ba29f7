// What the signature needs of a PEM key and certificate, read from their ASN.1 (node-forge's
// parser): the key's algorithm, an SM2 key's private scalar and a certificate's serial number and
// public key. Node's own key objects do not know SM2 keys, and exporting one can abort the process.
import * as forge from 'node-forge';

/** id-ecPublicKey with the SM2 curve, or the SM2 algorithm itself (GM/T 0006). */
const EC_PUBLIC_KEY = '1.2.840.10045.2.1';
const SM2_CURVE = '1.2.156.10197.1.301';
const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';

export type KeyAlgorithm = 'RSA' | 'SM2';

export interface PrivateKeyInfo {
  algorithm: KeyAlgorithm;
  /** SM2: the private scalar, 64 hex digits. */
  sm2PrivateKeyHex?: string;
}

export interface CertificateInfo {
  /** The DER bytes in base64: X509Data's X509Certificate. */
  base64: string;
  /** The serial number in upper-case hex, no leading zero byte: KeyName. */
  serialHex: string;
  algorithm: KeyAlgorithm | 'OTHER';
  /** The subject public key: SM2 as an uncompressed point (04 x y), 130 hex digits. */
  publicKeyHex: string;
}

/** The first PEM block of `text` whose label matches, as DER. */
function pemBlock(text: string, labels: RegExp): { label: string; der: string } | undefined {
  const match = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
  for (const [, label, body] of text.matchAll(match)) {
    if (labels.test(label)) return { label, der: forge.util.decode64(body.replace(/\s+/g, '')) };
  }
  return undefined;
}

/** BIT STRINGs stay bytes: a public key is read as it is, not as the ASN.1 it may hold. */
function asn1Of(der: string): forge.asn1.Asn1 {
  // node-forge takes an options object here; its type declarations know only the older `strict` flag.
  const fromDer = forge.asn1.fromDer as unknown as (bytes: forge.util.ByteBuffer, options: { decodeBitStrings: boolean }) => forge.asn1.Asn1;
  return fromDer(forge.util.createBuffer(der), { decodeBitStrings: false });
}

function children(node: forge.asn1.Asn1): forge.asn1.Asn1[] {
  return Array.isArray(node.value) ? node.value : [];
}

function oidOf(node: forge.asn1.Asn1 | undefined): string | undefined {
  return node && node.type === forge.asn1.Type.OID && typeof node.value === 'string' ? forge.asn1.derToOid(node.value) : undefined;
}

function hexOf(bytes: string): string {
  return forge.util.bytesToHex(bytes).toUpperCase();
}

/** The algorithm of a PEM private key (PKCS#8, or RSA / EC / SM2 in their own formats); throws for anything else. */
export function privateKeyInfo(pem: string): PrivateKeyInfo {
  const block = pemBlock(pem, /^((RSA|EC|SM2) )?PRIVATE KEY$/);
  if (!block) throw new Error('no unencrypted PEM private key (PRIVATE KEY, RSA PRIVATE KEY, EC PRIVATE KEY or SM2 PRIVATE KEY)');
  if (block.label === 'RSA PRIVATE KEY') return { algorithm: 'RSA' };
  if (block.label === 'PRIVATE KEY') {
    // PrivateKeyInfo ::= SEQUENCE { version, AlgorithmIdentifier { algorithm, parameters }, privateKey OCTET STRING }
    const [, algorithmIdentifier, privateKey] = children(asn1Of(block.der));
    const [algorithm, parameters] = children(algorithmIdentifier);
    const oid = oidOf(algorithm);
    if (oid === RSA_ENCRYPTION) return { algorithm: 'RSA' };
    if ((oid === EC_PUBLIC_KEY && oidOf(parameters) === SM2_CURVE) || oid === SM2_CURVE) return sm2Key(asn1Of(privateKey.value as string));
    throw new Error(`the private key is neither RSA nor SM2 (algorithm ${oid}${oidOf(parameters) ? `, curve ${oidOf(parameters)}` : ''})`);
  }
  const ecPrivateKey = asn1Of(block.der);
  const curve = children(ecPrivateKey).find((node) => node.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && node.type === 0);
  const curveOid = curve ? oidOf(children(curve)[0]) : undefined;
  if (curveOid !== SM2_CURVE) throw new Error(`the EC private key is not on the SM2 curve (curve ${curveOid ?? 'not named'})`);
  return sm2Key(ecPrivateKey);
}

/** ECPrivateKey ::= SEQUENCE { version, privateKey OCTET STRING, [0] parameters, [1] publicKey } */
function sm2Key(ecPrivateKey: forge.asn1.Asn1): PrivateKeyInfo {
  const scalar = children(ecPrivateKey)[1];
  if (!scalar || typeof scalar.value !== 'string') throw new Error('the SM2 private key has no private scalar');
  return { algorithm: 'SM2', sm2PrivateKeyHex: hexOf(scalar.value).toLowerCase().padStart(64, '0') };
}

/** Serial number and public key of a PEM certificate. */
export function certificateInfo(pem: string): CertificateInfo {
  const block = pemBlock(pem, /^CERTIFICATE$/);
  if (!block) throw new Error('no PEM CERTIFICATE');
  // Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signature }; tbsCertificate opens
  // with an optional [0] version, then serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo.
  const [tbs] = children(asn1Of(block.der));
  const fields = children(tbs);
  const offset = fields[0]?.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  const serial = fields[offset];
  const [algorithmIdentifier, subjectPublicKey] = children(fields[offset + 5]);
  const [algorithm, parameters] = children(algorithmIdentifier);
  const oid = oidOf(algorithm);
  const keyAlgorithm = oid === RSA_ENCRYPTION ? 'RSA' : (oid === EC_PUBLIC_KEY && oidOf(parameters) === SM2_CURVE) || oid === SM2_CURVE ? 'SM2' : 'OTHER';
  // A BIT STRING's first byte counts the unused bits (0 for a key).
  const publicKeyBytes = (subjectPublicKey.value as string).slice(1);
  return {
    base64: forge.util.encode64(block.der),
    serialHex: hexOf(serial.value as string).replace(/^00(?=.)/, ''),
    algorithm: keyAlgorithm,
    publicKeyHex: hexOf(publicKeyBytes).toLowerCase(),
  };
}

/** A certificate's base64 DER (as X509Certificate carries it) as PEM. */
export function certificatePem(base64: string): string {
  const body = base64.replace(/\s+/g, '');
  return `-----BEGIN CERTIFICATE-----\n${body.match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END CERTIFICATE-----\n`;
}
