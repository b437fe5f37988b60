import { randomBytes } from 'node:crypto';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomSuffix(length: number): string {
  const bytes = randomBytes(length);
  let suffix = '';
  for (const byte of bytes) suffix += alphabet[byte % alphabet.length] ?? 'A';
  return suffix;
}

/** Ids shaped like the API's; random (not seeded) so a restarted simulator never repeats one. */
export const newId = {
  message: (): string => `msg_01${randomSuffix(22)}`,
  toolUse: (): string => `toolu_01${randomSuffix(22)}`,
  serverToolUse: (): string => `srvtoolu_01${randomSuffix(22)}`,
  request: (): string => `req_011${randomSuffix(21)}`,
  opaque: (length: number): string => randomSuffix(length),
};
