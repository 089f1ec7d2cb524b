import type { UIField } from 'payload'

/** The review buttons in a message's sidebar; stores nothing (a UI field has no column). */
export const reviewActionsField = (): UIField => ({
  name: 'reviewActions',
  type: 'ui',
  admin: {
    position: 'sidebar',
    components: { Field: '/plugin/workflow/ReviewActionsField#ReviewActionsField' },
  },
})
