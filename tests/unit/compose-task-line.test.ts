import { describe, expect, it } from 'vitest'
import { taskLineOf, taskRuns } from '../../shared/compose/task-line'
import { wordIn, wording } from '../../shared/languages/wording'

// A reminder's words ("If not done yet:") are the reader's language; the task's own sentence may be
// another (a town that wrote it only in Japanese): a page marks each run in its own.

const links = {
  messageUrl: 'https://yorisoi.example/m/1',
  consultUrl: 'https://yorisoi.example/r/1/consult',
  selfServiceUrl: 'https://yorisoi.example/r/1',
  unsubscribeUrl: 'https://yorisoi.example/u/1',
}
const line = '妊婦支援給付金の申請はお済みですか？'
const reminderOf = (tag: string) =>
  wordIn(wording('まだでしたら：{line}', 'If not done yet: {line}', { line: '' }), tag)

describe('a reminded task line', () => {
  it('marks the reminder’s words in the reader’s language and the Japanese sentence as Japanese', () => {
    const task = taskLineOf({ line, language: 'ja', reminder: true }, links, 'vi')!
    const words = reminderOf('vi')
    expect(words.lang).toBe('vi')
    expect(task.text).toBe(`${words.text}${line}`)
    expect(taskRuns(task)).toEqual([
      { text: words.text, lang: 'vi' },
      { text: line, lang: 'ja' },
    ])
  })

  it('is one run when the reminder and the sentence share a language, and when it is no reminder', () => {
    const japanese = taskLineOf({ line, language: 'ja', reminder: true }, links, 'ja')!
    expect(taskRuns(japanese)).toEqual([{ text: `まだでしたら：${line}`, lang: 'ja' }])
    const first = taskLineOf({ line, language: 'ja', reminder: false }, links, 'vi')!
    expect(taskRuns(first)).toEqual([{ text: line, lang: 'ja' }])
  })
})
