export { fleetwire } from '../generated/fleetwire.js'
export * from './catalog.js'
export * from './topics.js'
