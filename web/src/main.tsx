/** The agent console's entry (`index.html`). */
// The console's stylesheets, in cascade order: tokens, base, shared components, then each feature's.
import './styles/tokens.css'
import './styles/base.css'
import './shared/components.css'
import './shell/shell.css'
import './accounts/accounts.css'
import './session/session.css'
import './accounts/usage.css'
import './billing/billing.css'
import './payments/payments.css'
import './collections/collections.css'
import './cases/cases.css'
import './comms/comms.css'
import './timeline/timeline.css'
import './dashboard/dashboard.css'
import { App } from './app.js'
import { boot } from './boot.js'

boot({ app: () => <App /> })
