export * from './categories'
export * from './form'
export * from './urgency'
