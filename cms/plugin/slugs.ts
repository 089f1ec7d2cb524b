/** Collection slugs the plugin creates; each can be renamed through the plugin options. */
export type YorisoiSlugs = {
  users: string
  tenants: string
  messages: string
  approvedMessageVersions: string
  messageHistory: string
  localSupport: string
  surveys: string
}

export const defaultSlugs: YorisoiSlugs = {
  users: 'users',
  tenants: 'tenants',
  messages: 'messages',
  approvedMessageVersions: 'approved-message-versions',
  messageHistory: 'message-history',
  localSupport: 'local-support',
  surveys: 'surveys',
}
