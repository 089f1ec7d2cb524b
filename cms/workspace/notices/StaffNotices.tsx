import type { Payload, TypedUser } from 'payload'
import type { StaffNoticesPage } from '../../../shared/contract'
import { actingRole } from '../acting-role'
import { askStaffApi } from '../staff-api'
import { townsOf } from '../towns'

/**
 * On the dashboard of a nurse or the desk: each of their towns' losses reported in the last 30
 * days that nobody has opened yet, the family they assigned to the nurse first, each linking to
 * the family's page (which shows the loss first). Asked of the edge at each view; nothing kept.
 */
export async function StaffNotices({ payload, user }: { payload: Payload; user?: TypedUser | null }) {
  const role = actingRole(user, ['nurse', 'desk'])
  if (!user || !role) return null
  const towns = await townsOf(payload, user)
  const answers = await Promise.all(
    towns.map(async (town) => ({
      town,
      answer: await askStaffApi<StaffNoticesPage>(payload, user, {
        role,
        tenant: town.slug,
        path: '/notices',
      }),
    })),
  )
  const mine = String(user.id)
  const notices = answers.flatMap(({ town, answer }) =>
    answer.ok
      ? answer.data.notices
          .map((n) => ({ ...n, town }))
          .sort((a, b) => Number(b.nurseUser === mine) - Number(a.nurseUser === mine))
      : [],
  )
  const failed = answers.filter(({ answer }) => !answer.ok)
  if (notices.length === 0 && failed.length === 0) return null
  const admin = payload.config.routes.admin
  return (
    <section
      aria-labelledby="staff-notices-title"
      style={{ border: '2px solid var(--theme-error-500, #c33)', padding: '1rem', marginBottom: '1.5rem' }}
    >
      <h2 id="staff-notices-title">お知らせ / Notices</h2>
      {notices.length > 0 ? (
        <>
          <p>
            つらいお知らせ（流産・死産など）をいただいたご家族です。今日中にご家族のページを開いて、ご連絡を検討してください。
            / These families told us of a loss. Please open each family’s page today and consider reaching
            out.
          </p>
          <ul>
            {notices.map((n) => (
              <li key={`${n.town.slug}-${n.household}`} data-household={n.household}>
                <a
                  href={`${admin}/family/${encodeURIComponent(n.household)}?tenant=${encodeURIComponent(n.town.slug)}`}
                >
                  {n.town.name}: {n.reportedOn} のお知らせ / reported {n.reportedOn}
                </a>
                {n.nurseUser === mine ? <strong> ・ あなたの担当 / Your family</strong> : null}
                {n.nurseUser === null ? <span> ・ 担当の保健師なし / No nurse assigned</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {failed.map(({ town, answer }) => (
        <p key={town.slug} role="alert">
          {town.name}: {answer.ok ? '' : answer.reason}
        </p>
      ))}
    </section>
  )
}
