/** A Lexical document of plain paragraphs, as the admin editor saves it. */
export function lexical(...paragraphs: string[]) {
  return {
    root: {
      type: 'root',
      format: '',
      indent: 0,
      version: 1,
      direction: 'ltr',
      children: paragraphs.map((text) => ({
        type: 'paragraph',
        format: '',
        indent: 0,
        version: 1,
        direction: 'ltr',
        textFormat: 0,
        textStyle: '',
        children: text
          ? [{ type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 }]
          : [],
      })),
    },
  }
}

/** A valid message for `slot`, ready to create. */
export function messageData(slot = 'pregnancy/196', overrides: Record<string, unknown> = {}) {
  return {
    slot,
    audience: 'primary',
    language: 'ja',
    subject: '今日のお便り',
    body: lexical('妊娠28週になりました。体調はいかがですか。'),
    shortText: '{{nickname}}さん、今日のお便りです。{{messageUrl}}',
    supervisingExperts: ['助産師 山田花子'],
    ...overrides,
  }
}
