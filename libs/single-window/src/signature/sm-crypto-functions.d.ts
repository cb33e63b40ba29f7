// sm-crypto functions its type declarations (@types/sm-crypto 0.3) do not list yet.
import 'sm-crypto';

declare module 'sm-crypto' {
  namespace sm2 {
    /** The uncompressed public key (04 x y, hex) of a private key (hex). */
    function getPublicKeyFromPrivateKey(privateKey: string): string;
  }
}
