/** The customer portal's entry (`portal.html`), served for `/portal` and every path below it. */
// The portal's stylesheets: tokens, base, the shared components and usage (the portal's usage tab
// draws the same chart); portal/portal.css comes with PortalApp.
import './styles/tokens.css'
import './styles/base.css'
import './shared/components.css'
import './accounts/usage.css'
import { useEffect } from 'react'
import { boot } from './boot.js'
import { PortalApp } from './portal/portal-app.js'
import { isPortalPath } from './portal/portal-routes.js'
import { useLocation } from './router.js'

/** The portal; a path outside it (a link into the console) is loaded as a page of its own. */
function PortalEntry() {
  const { pathname, search } = useLocation()
  const inPortal = isPortalPath(pathname)
  useEffect(() => {
    if (!inPortal) window.location.replace(pathname + search + window.location.hash)
  }, [inPortal, pathname, search])
  return inPortal ? <PortalApp /> : null
}

boot({
  app: () => <PortalEntry />,
  onBrand: (brand) => {
    document.title = `${brand.name} — Customer portal`
  },
})
