import { signalLabel as labelIn } from '@fleetwire/i18n/signals'
import { language } from './i18n.js'

/** The label of a signal in the current language (the shared catalogue's signal names). */
export const signalLabel = (name: string): string => labelIn(language.get(), name)
