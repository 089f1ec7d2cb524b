export { eachWithLimit } from './each-with-limit'
