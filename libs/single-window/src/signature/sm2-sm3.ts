// The SM2-SM3 signature and SM3 digest of the Single Window (CONTRACT 8.3) as xml-crypto
// algorithms, on sm-crypto. SM2 signs SM3(Z || message) with the standard's default user id; the
// SignatureValue is r || s (32 bytes each), as XML-DSig writes elliptic-curve signatures.
import type { BinaryLike, KeyLike } from 'node:crypto';
import { createOptionalCallbackFunction, HashAlgorithm, SignatureAlgorithm } from 'xml-crypto';
import { sm2, sm3 } from 'sm-crypto';
import { certificateInfo, privateKeyInfo } from './pem';

export const SM2_SM3_SIGNATURE = 'http://www.chinaport.gov.cn/2022/04/xmldsig#sm2-sm3';
export const SM3_DIGEST = 'http://www.chinaport.gov.cn/2022/04/xmldsig#sm3';
/** GM/T 0009's default distinguishing identifier, in Z. */
export const SM2_USER_ID = '1234567812345678';

function bytesOf(data: BinaryLike | string): number[] {
  if (typeof data === 'string') return Array.from(Buffer.from(data, 'utf8'));
  if (ArrayBuffer.isView(data)) return Array.from(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  throw new TypeError('SM2/SM3 input must be text or bytes');
}

function pemOf(key: KeyLike): string {
  if (typeof key === 'string') return key;
  if (Buffer.isBuffer(key)) return key.toString('utf8');
  throw new TypeError('the SM2 key must be given as PEM');
}

export class Sm3Digest implements HashAlgorithm {
  getHash(xml: string): string {
    return Buffer.from(sm3(bytesOf(xml)), 'hex').toString('base64');
  }

  getAlgorithmName(): string {
    return SM3_DIGEST;
  }
}

export class Sm2Sm3Signature implements SignatureAlgorithm {
  getSignature = createOptionalCallbackFunction((signedInfo: BinaryLike, privateKey: KeyLike): string => {
    const key = privateKeyInfo(pemOf(privateKey));
    if (key.algorithm !== 'SM2' || !key.sm2PrivateKeyHex) throw new Error('an SM2-SM3 signature needs an SM2 private key');
    const publicKey = sm2.getPublicKeyFromPrivateKey(key.sm2PrivateKeyHex);
    const rs = sm2.doSignature(bytesOf(signedInfo), key.sm2PrivateKeyHex, { hash: true, der: false, publicKey, userId: SM2_USER_ID });
    return Buffer.from(rs, 'hex').toString('base64');
  });

  /** `key`: the signer's certificate (PEM), as the message carries it. */
  verifySignature = createOptionalCallbackFunction((material: string, key: KeyLike, signatureValue: string): boolean => {
    const certificate = certificateInfo(pemOf(key));
    if (certificate.algorithm !== 'SM2') return false;
    const rs = Buffer.from(signatureValue, 'base64');
    if (rs.length !== 64) return false;
    return sm2.doVerifySignature(bytesOf(material), rs.toString('hex'), certificate.publicKeyHex, { hash: true, der: false, userId: SM2_USER_ID });
  });

  getAlgorithmName(): string {
    return SM2_SM3_SIGNATURE;
  }
}
