// The edge's D1 schema. Migrations in edge/migrations/ are generated from it (npm run db:generate).

export * from './schema/access'
export * from './schema/activations'
export * from './schema/consultations'
export * from './schema/deliveries'
export * from './schema/delivery-counts'
export * from './schema/residents'
export * from './schema/retention'
export * from './schema/runs'
export * from './schema/secrets'
export * from './schema/snapshots'
export * from './schema/surveys'
export * from './schema/verifications'
