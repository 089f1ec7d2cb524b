import type { Payload, TypedUser } from 'payload'
import { hasRole, roleLabels, roles } from '../roles'
import { screensFor } from './navigation'

type Todo = { text: string; href: string }

/** What waits for this person in the review workflow, counted. */
async function reviewTodos(
  payload: Payload,
  user: TypedUser,
  messages: string,
  admin: string,
): Promise<Todo[]> {
  const count = async (reviewState: string) =>
    (
      await payload.count({
        collection: messages as 'messages',
        where: { reviewState: { equals: reviewState } },
        overrideAccess: true,
      })
    ).totalDocs
  const list = (state: string) => `${admin}/collections/${messages}?where[reviewState][equals]=${state}`
  const todos: Todo[] = []
  if (hasRole(user, 'medical-supervisor')) {
    const waiting = await count('in-review')
    if (waiting > 0)
      todos.push({
        text: `監修待ちのメッセージが${waiting}件あります / ${waiting} messages wait for your review`,
        href: `${admin}/review-queue`,
      })
  }
  if (hasRole(user, 'editor')) {
    const [asked, drafts] = await Promise.all([count('changes-requested'), count('draft')])
    if (asked > 0)
      todos.push({
        text: `修正依頼が${asked}件あります / ${asked} messages have changes requested`,
        href: list('changes-requested'),
      })
    if (drafts > 0)
      todos.push({
        text: `下書きが${drafts}件あります。書き終えたら「監修を依頼する」 / ${drafts} drafts: ask for review when done`,
        href: list('draft'),
      })
  }
  return todos
}

/**
 * The dashboard's first panel: who you are here, what waits for you, and the screens your roles
 * use with a line on what each is for.
 */
export async function RoleHome(props: { payload: Payload; user?: TypedUser | null; messagesSlug?: string }) {
  const { payload, user } = props
  if (!user) return null
  const admin = payload.config.routes.admin
  const held = roles.filter((role) => hasRole(user, role))
  const todos = await reviewTodos(payload, user, props.messagesSlug ?? 'messages', admin)
  const screens = screensFor(user)
  return (
    <section aria-labelledby="yorisoi-home" style={{ marginBottom: '2rem' }} data-yorisoi-home>
      <h2 id="yorisoi-home">次にすること / What to do next</h2>
      <p>
        あなたの役割 / Your roles:{' '}
        {held.map((role) => `${roleLabels[role].ja} / ${roleLabels[role].en}`).join('、')}
      </p>
      {todos.length > 0 ? (
        <ul>
          {todos.map((todo) => (
            <li key={todo.href}>
              <a href={todo.href}>{todo.text}</a>
            </li>
          ))}
        </ul>
      ) : null}
      {screens.length > 0 ? (
        <ul style={{ display: 'grid', gap: '0.5rem', listStyle: 'none', padding: 0 }}>
          {screens.map((screen) => (
            <li key={screen.path}>
              <a href={`${admin}${screen.path}`}>
                <strong>
                  {screen.ja} / {screen.en}
                </strong>
              </a>{' '}
              — {screen.hint}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}
