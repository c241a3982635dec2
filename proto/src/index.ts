import './long-as-number.js'

export { fleetwire } from '../generated/fleetwire.js'
export * from './catalog.js'
export * from './topics.js'
export * from './local-time.js'
export * from './version.js'
export * from './signing.js'
