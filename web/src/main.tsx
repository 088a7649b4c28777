/** The agent console's entry (`index.html`). */
import './styles.css'
import { App } from './app.js'
import { boot } from './boot.js'

boot({ app: () => <App /> })
