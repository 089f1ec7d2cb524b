import { hexOf, sha256Bytes, sha256BytesOfEach } from '../contract/hash'

/**
 * A message page token is an ordering prefix and a MAC (27 characters); every other resident
 * token, and a page token sent before the prefix, is 22. The prefix is the delivery's date, its
 * tenant and the resident's place in the shard, so the ids a day's batch writes (prefix, then the
 * token's hash) are neighbours in the deliveries table: a random id put each row of a batch on a
 * page of its own, and the insert wrote a page per row (the consumer's slowest statement).
 */
export const PAGE_TOKEN_LENGTH = 27
const PREFIX_LENGTH = 11
/** A prefixed page token's hash keeps 128 bits of SHA-256 after the prefix: 43 characters. */
const PREFIXED_HASH_LENGTH = PREFIX_LENGTH + 32

// Sixty-four digits in ASCII order, all of base64url, so fixed-width numbers in them sort as text.
const DIGITS = '-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'
const EPOCH = Date.UTC(2000, 0, 1)

function digits(n: number, width: number): string {
  let out = ''
  for (let i = 0, rest = n; i < width; i++, rest = Math.floor(rest / 64)) out = DIGITS[rest % 64] + out
  return out
}

// FNV-1a: a tenant's 12-bit place, the same in every isolate. Two tenants sharing one only
// interleave their residents' rows.
function tenantPlace(slug: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < slug.length; i++) hash = Math.imul(hash ^ slug.charCodeAt(i), 0x01000193) >>> 0
  return hash % 4096
}

/**
 * The ordering prefix of a program delivery's page token: its local date (days since 2000), its
 * tenant and the resident's rowid, the order in which the run enqueues a tenant's residents.
 */
export function pagePrefix(date: string, tenant: string, row: number): string {
  return pagePrefixes(date, tenant)(row)
}

/** pagePrefix for one day of one tenant (a batch): their part of the prefix made once for all its residents. */
export function pagePrefixes(date: string, tenant: string): (row: number) => string {
  const day = Math.round((Date.parse(`${date}T00:00:00Z`) - EPOCH) / 86_400_000)
  const head = digits(day, 3) + digits(tenantPlace(tenant), 2)
  return (row) => head + digits(row % 64 ** 6, 6)
}

/** A page token: the prefix and the first 16 characters (96 bits) of its MAC. */
export const prefixedToken = (prefix: string, mac: string): string => prefix + mac.slice(0, 16)

/**
 * What a token is stored and found by: its SHA-256, hex; a prefixed page token's keeps its prefix
 * in front, which orders the deliveries it is the id of.
 */
export async function tokenHash(token: string): Promise<string> {
  return hashOf(token, await sha256Bytes(token))
}

/** tokenHash of each token, hashed together (a delivery batch's page tokens). */
export async function tokenHashes(tokens: readonly string[]): Promise<string[]> {
  const digests = await sha256BytesOfEach(tokens)
  return tokens.map((token, i) => hashOf(token, digests[i]!))
}

const hashOf = (token: string, digest: Uint8Array): string =>
  token.length === PAGE_TOKEN_LENGTH
    ? token.slice(0, PREFIX_LENGTH) + hexOf(digest.subarray(0, 16))
    : hexOf(digest)

/** The prefix a delivery's id was made with, or null for an id made before prefixes. */
export const prefixOfId = (id: string): string | null =>
  id.length === PREFIXED_HASH_LENGTH ? id.slice(0, PREFIX_LENGTH) : null

/** A message page token's shape: 27 characters with its prefix, 22 without. */
export const isPageToken = (token: string): boolean => /^[A-Za-z0-9_-]{22}(?:[A-Za-z0-9_-]{5})?$/.test(token)
