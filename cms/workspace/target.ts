/**
 * Where the Worker's staff API is and the private key the CMS signs its assertions with: an EC
 * P-256 JWK (ES256) in YORISOI_STAFF_API_PRIVATE_KEY, whose public half is the Worker's
 * STAFF_API_PUBLIC_KEY. From the environment, never the repository.
 */
export interface StaffApiTarget {
  url: string
  privateKey: string | undefined
  fetch?: typeof fetch
}

export function staffApiFromEnvironment(
  env: Record<string, string | undefined> = process.env,
): StaffApiTarget {
  return {
    url: env.YORISOI_EDGE_URL ?? 'http://127.0.0.1:8787',
    privateKey: env.YORISOI_STAFF_API_PRIVATE_KEY,
  }
}
