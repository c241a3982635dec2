import { render } from 'preact'
import 'uplot/dist/uPlot.min.css'
import './styles.css'
import { App } from './app.js'
import { language } from './i18n/i18n.js'

document.documentElement.lang = language.get()
render(<App />, document.getElementById('app') as HTMLElement)
