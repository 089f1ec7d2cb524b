import type { Town } from './towns'

/**
 * Which of the user's towns the screen shows: a plain GET form (it works without scripts), shown
 * only when the user has more than one town.
 */
export function TownPicker({ towns, current, action }: { towns: Town[]; current: string; action: string }) {
  if (towns.length < 2) return null
  return (
    <form method="get" action={action} style={{ display: 'flex', gap: '0.5rem', alignItems: 'end' }}>
      <label>
        自治体 / Town{' '}
        <select name="tenant" defaultValue={current}>
          {towns.map((town) => (
            <option key={town.slug} value={town.slug}>
              {town.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">表示 / Show</button>
    </form>
  )
}
