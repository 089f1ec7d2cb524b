import { html } from 'hono/html'

/** Japanese, then the English beneath it in a quieter tone. */
export const bi = (ja: string, en: string) => html`${ja}<br /><span class="en" lang="en">${en}</span>`

/** One line: Japanese / English. */
export const biInline = (ja: string, en: string) => html`${ja} <span class="en" lang="en">/ ${en}</span>`

/** A field's error beneath it, tied to the input by id for screen readers. */
export const fieldError = (name: string, message: string | undefined) =>
  message ? html`<p class="error" id="${name}-error">${message}</p>` : ''

export const invalidAttrs = (name: string, message: string | undefined) =>
  message ? html` aria-invalid="true" aria-describedby="${name}-error"` : ''
