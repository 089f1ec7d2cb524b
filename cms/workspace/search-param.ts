/** One value of an admin view's search params (the first, when repeated), or undefined. */
export function searchParam(params: Record<string, string | string[] | undefined> | undefined, key: string) {
  const value = params?.[key]
  const first = Array.isArray(value) ? value[0] : value
  return first === '' ? undefined : first
}
