import { describe, expect, it } from 'vitest'
import { keyInWords } from '../../cms/plugin/views/keyInWords'

describe('a message key in the words a supervisor reads', () => {
  it('names the day, who it is for and the language', () => {
    expect(keyInWords('pregnancy/196 primary ja')).toBe('妊娠28週0日・本人（妊娠中の方・主な養育者）・日本語')
    expect(keyInWords('pregnancy/28 partner en')).toBe('妊娠4週0日・パートナー・英語')
  })

  it('leaves what it does not know as written', () => {
    expect(keyInWords('someday/3 cousin xx')).toBe('someday/3・cousin・xx')
  })
})
