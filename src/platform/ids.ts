import { createHash, randomUUID } from 'node:crypto';

/** Samklang's namespace for name-based UUIDs (a random v4 fixed once). */
const NAMESPACE = '6f1c2a8e-3b7d-4c59-9e0a-5d2b8f4e7a13';

/** RFC 9562 version 5 UUID: the same name always gives the same id, on every installation. */
export function nameUuid(name: string, namespace = NAMESPACE): string {
  const hash = createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const newId = (): string => randomUUID();

export const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

const UUID = new RegExp(UUID_PATTERN);

/** Whether a value is a uuid as UUID_PATTERN writes it (either case), e.g. an id from an address before it is looked up. */
export const isUuid = (value: string): boolean => UUID.test(value);
