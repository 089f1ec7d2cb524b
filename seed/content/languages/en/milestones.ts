// The two days with their own words: the day of birth (newborn/0) and the closing message on
// the third birthday (age3/0).

export const birthDay = {
  primary:
    'Congratulations on the birth. Put your own rest first, and ask the midwives and nurses anything while you are in hospital.',
  partner:
    'Congratulations on your baby. Giving birth tires the body far more than it shows: help your partner rest before anything else.',
  family:
    'Congratulations on the new baby. Giving birth tires the body far more than it shows: keep visits short, and help with meals, chores or older children so the parents can rest.',
}

export const closing = {
  primary: [
    'Happy third birthday to your child, {{nickname}}.',
    'Thank you for reading these notes since your pregnancy. This is the last regular note from {{tenantName}}.',
    'Whenever you need help with parenting, you can still contact {{deskName}} ({{deskPhone}}, {{deskHours}}).',
  ],
  partner: [
    'Happy third birthday to your child, {{nickname}}.',
    'Thank you for supporting your family through these three years. This is the last regular note from {{tenantName}}.',
    'Whenever you need help with parenting, you can still contact {{deskName}} ({{deskPhone}}, {{deskHours}}).',
  ],
  family: [
    'Happy third birthday to the child in your family, {{nickname}}.',
    'Thank you for standing by the parents through these three years. This is the last regular note from {{tenantName}}.',
    'If something about the child worries you, you can contact {{deskName}} ({{deskPhone}}, {{deskHours}}) together with the parents.',
  ],
}
