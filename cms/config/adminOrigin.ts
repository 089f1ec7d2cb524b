import type { Plugin } from 'payload'

export interface AdminOrigin {
  /** The admin's public URL: Payload's serverURL, and the origin its login cookie is good for. */
  serverURL: string
  /** Origins whose requests may carry the login cookie (Payload's `csrf`). */
  csrf: string[]
  /** The login cookie only over https. */
  secureCookie: boolean
}

/**
 * Where the admin is served from, from PAYLOAD_PUBLIC_SERVER_URL (and YORISOI_ADMIN_ORIGINS, a
 * comma-separated list of further origins). Payload checks a cookie request's Origin against
 * `csrf` only when the list is not empty — an empty list takes a cookie from any site — so
 * production refuses to start without an https address (or http on this machine's loopback).
 */
export function adminOrigin(
  env: Record<string, string | undefined> = process.env,
  production = env.NODE_ENV === 'production',
): AdminOrigin {
  const serverURL = (env.PAYLOAD_PUBLIC_SERVER_URL ?? '').trim().replace(/\/+$/, '')
  if (production && !/^https:\/\/[^/]+$/.test(serverURL) && !loopback(serverURL))
    throw new Error(
      'PAYLOAD_PUBLIC_SERVER_URL に管理画面の https のアドレス（例: https://admin.example.jp）を設定してください / ' +
        "Set PAYLOAD_PUBLIC_SERVER_URL to the admin's https origin (e.g. https://admin.example.jp): " +
        'without it the admin would take its login cookie from any site',
    )
  const extra = (env.YORISOI_ADMIN_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter(Boolean)
  return {
    serverURL,
    csrf: [...new Set([serverURL, ...extra].filter(Boolean))],
    secureCookie: serverURL.startsWith('https://'),
  }
}

// A production build served on this machine only (the system tests' `next start`).
const loopback = (url: string) => /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(url)

/** Every auth collection's login cookie marked Secure when the admin is served over https. */
export const secureLoginCookies =
  (secure: boolean): Plugin =>
  (config) => ({
    ...config,
    collections: (config.collections ?? []).map((collection) =>
      collection.auth && secure
        ? {
            ...collection,
            auth: {
              ...(collection.auth === true ? {} : collection.auth),
              cookies: {
                ...(collection.auth === true ? {} : collection.auth.cookies),
                secure: true,
              },
            },
          }
        : collection,
    ),
  })
