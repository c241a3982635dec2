import { render } from 'preact'
import 'uplot/dist/uPlot.min.css'
import './styles.css'
import { App } from './app.js'
import { applyDocumentLanguage, language } from './i18n/i18n.js'

applyDocumentLanguage(language.get())
render(<App />, document.getElementById('app') as HTMLElement)
