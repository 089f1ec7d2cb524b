/** primary: the pregnant person, or after birth the main caregiver; partner and family join the same timeline. */
export const audiences = ['primary', 'partner', 'family'] as const
export type Audience = (typeof audiences)[number]
