import type { TextField, Validate } from 'payload'
import { isProgramSlot, type Program, parseSlot } from '../../../shared/program'
import { bilingual, label } from '../i18n'
import { wordsCell } from './wordsCells'

/** A slot must be one the program (any program a tenant may choose) actually sends. */
export const validateSlot =
  (programs: Record<string, Program>): Validate =>
  (value) => {
    const slot = String(value ?? '').trim()
    if (!slot)
      return bilingual('スロットを入力してください（例: pregnancy/196）', 'Enter a slot (e.g. pregnancy/196)')
    if (!parseSlot(slot)) {
      return bilingual(
        `スロット「${slot}」の形が正しくありません。「フェーズ/数」で書いてください（例: pregnancy/196, newborn/30）`,
        `Slot "${slot}" is malformed: write phase/number (e.g. pregnancy/196, newborn/30)`,
      )
    }
    if (Object.values(programs).some((program) => isProgramSlot(program, slot))) return true
    return bilingual(
      `スロット「${slot}」はプログラムにありません。配信される日のスロットを選んでください`,
      `Unknown slot "${slot}": the program never sends on it`,
    )
  }

export const slotField = (programs: Record<string, Program>): TextField => ({
  name: 'slot',
  type: 'text',
  required: true,
  index: true,
  label: label('スロット', 'Slot'),
  admin: {
    ...wordsCell('slot'),
    description: label(
      '例: pregnancy/196（妊娠28週0日）, newborn/30, age1/4',
      'e.g. pregnancy/196 (28w0d), newborn/30, age1/4',
    ),
  },
  validate: validateSlot(programs),
})
