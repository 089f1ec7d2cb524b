// A body with every placeholder filled: what renderers take, so none can print a `{{…}}`.
export type FilledInline =
  | { t: 'text'; v: string }
  // The resident's own text (the nickname): HTML isolates it and marks its language where needed.
  | { t: 'own'; v: string }
  | { t: 'strong'; c: FilledInline[] }
  | { t: 'link'; href: string; c: FilledInline[] }
  | { t: 'ruby'; base: string; reading: string }

export type FilledBlock =
  | { t: 'p'; c: FilledInline[] }
  | { t: 'h'; c: FilledInline[] }
  | { t: 'ul'; items: FilledInline[][] }
