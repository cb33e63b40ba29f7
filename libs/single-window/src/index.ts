// The Single Window of China's customs (CONTRACT 8) as pure functions: the profile, the messages
// and their element table, the signature, the receipts. No I/O beyond reading the profile and
// the signing identity at start-up.
export * from './config-error';
export * from './message-types';
export * from './countries';
export * from './china-time';
export * from './elements';
export * from './profile/profile';
export * from './messages/element-values';
export { money, decimalText } from './messages/amounts';
export * from './messages/order-values';
export * from './messages/message-document';
export * from './messages/build-messages';
export * from './messages/order-message-problems';
export * from './messages/read-message';
export * from './signature/signing-identity';
export * from './signature/sign-message';
export { SM2_SM3_SIGNATURE, SM3_DIGEST, SM2_USER_ID } from './signature/sm2-sm3';
export { certificatePem } from './signature/pem';
export * from './receipts/receipts';
