/** The family page's shared look: sections apart, tables full width, rows ruled. */
export const section = { marginBottom: '2rem' } as const
export const table = { width: '100%', borderCollapse: 'collapse' } as const
export const cell = {
  borderBottom: '1px solid var(--theme-elevation-150, #ddd)',
  padding: '0.4rem',
  verticalAlign: 'top',
} as const
