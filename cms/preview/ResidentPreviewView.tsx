import type { AdminViewServerProps } from 'payload'
import { audiences } from '../../shared/contract/primitives'
import type { Program } from '../../shared/program'
import { defaultLanguages } from '../plugin/languages'
import { audienceInWords, languageInWords } from '../plugin/views/keyInWords'
import { mayView } from '../plugin/views/mayView'
import { screens } from '../plugin/views/navigation'
import { ViewFrame } from '../plugin/views/ViewFrame'
import { residentPreview } from './residentPreview'

type Props = AdminViewServerProps & { programs: Record<string, Program> }

/** Whoever the navigation offers the screen to may open it (the town's staff for their own towns). */
const roles = [...(screens.find((s) => s.path === '/resident-preview')?.roles ?? [])]

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' })

/** /admin/resident-preview: a tenant, a due or birth date and a date → that day's delivery on each channel. */
export async function ResidentPreviewView(props: Props) {
  const title = '住民プレビュー / Resident preview'
  if (!mayView(props, roles)) return <ViewFrame props={props} title={title} roles={roles} />
  const { payload, user } = props.initPageResult.req
  const q = (props.searchParams ?? {}) as Record<string, string | undefined>
  // Only the towns this person may read: staff see their own, never another town's.
  const tenants = await payload.find({
    collection: 'tenants',
    depth: 0,
    pagination: false,
    overrideAccess: false,
    user,
  })
  const tenantId = q.tenant ?? String(tenants.docs[0]?.id ?? '')
  const date = q.date || today()
  const preview =
    tenantId && (q.due || q.birth)
      ? await residentPreview(
          payload,
          {
            user,
            tenantId,
            date,
            due: q.due || undefined,
            birth: q.birth || undefined,
            audience: (q.audience as 'primary' | 'partner' | 'family') || 'primary',
            language: q.language || 'ja',
          },
          props.programs,
        )
      : null

  return (
    <ViewFrame props={props} title={title} roles={roles}>
      <form method="get" style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap', marginBottom: '1.5rem' }}>
        <label>
          自治体 / Tenant{' '}
          <select name="tenant" defaultValue={tenantId}>
            {tenants.docs.map((t) => (
              <option key={t.id} value={String(t.id)}>
                {String((t as { name?: string }).name)}
              </option>
            ))}
          </select>
        </label>
        <label>
          出産予定日 / Due date <input type="date" name="due" defaultValue={q.due} />
        </label>
        <label>
          生年月日 / Birth date <input type="date" name="birth" defaultValue={q.birth} />
        </label>
        <label>
          日付 / Date <input type="date" name="date" defaultValue={date} />
        </label>
        <label>
          対象 / Audience{' '}
          <select name="audience" defaultValue={q.audience ?? 'primary'}>
            {audiences.map((audience) => (
              <option key={audience} value={audience}>
                {audienceInWords(audience)}
              </option>
            ))}
          </select>
        </label>
        <label>
          言語 / Language{' '}
          <select name="language" defaultValue={q.language ?? 'ja'}>
            {defaultLanguages.map((language) => (
              <option key={language} value={language}>
                {languageInWords(language)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">表示 / Show</button>
      </form>
      {!preview ? (
        <p>出産予定日か生年月日を入れてください / Enter a due date or a birth date</p>
      ) : !preview.ok ? (
        <ul>
          {preview.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : preview.nothingToday ? (
        <p>この日は配信がありません / Nothing is sent on this day</p>
      ) : (
        <div style={{ display: 'grid', gap: '1.5rem' }}>
          <section>
            <h2>この日の地域のお知らせ / The town’s entries this day</h2>
            <p>
              載せるもの {preview.entries.shown.length}件・休むもの {preview.entries.resting.length}
              件（1通の上限は自治体の設定） / {preview.entries.shown.length} shown,{' '}
              {preview.entries.resting.length} resting (the town’s cap per message)
            </p>
            <ul>
              {preview.entries.shown.map((e) => (
                <li key={e.id}>{e.title}</li>
              ))}
              {preview.entries.resting.map((e) => (
                <li key={e.id} style={{ color: 'var(--theme-elevation-500)' }}>
                  {e.title}（この日は休み / resting this day）
                </li>
              ))}
            </ul>
          </section>
          <section>
            <h2>メール / Email: {preview.subject}</h2>
            {/* Editors' and towns' content rendered as a resident's mail client would: no scripts, and
                no same-origin access to the admin (its cookies, its API). */}
            <iframe
              title="email"
              sandbox=""
              srcDoc={preview.email.html}
              style={{ width: '100%', height: '32rem', border: '1px solid #ccc' }}
            />
          </section>
          <section>
            <h2>
              SMS
              {'segments' in preview.sms
                ? ` (${preview.sms.characters}文字・${preview.sms.segments}通 / characters, segments)`
                : ''}
            </h2>
            <pre style={{ whiteSpace: 'pre-wrap' }}>
              {'text' in preview.sms ? preview.sms.text : preview.sms.problems.join('\n')}
            </pre>
          </section>
          <section>
            <h2>LINE</h2>
            {'texts' in preview.line ? (
              preview.line.texts.map((t) => (
                <pre key={t} style={{ whiteSpace: 'pre-wrap' }}>
                  {t}
                </pre>
              ))
            ) : (
              <pre>{preview.line.problems.join('\n')}</pre>
            )}
          </section>
        </div>
      )}
    </ViewFrame>
  )
}
