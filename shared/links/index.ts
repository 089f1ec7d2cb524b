export * from './page-token'
