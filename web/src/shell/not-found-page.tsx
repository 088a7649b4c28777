import { Link } from '../router.js'

export function NotFoundPage({ pathname, home }: { pathname: string; home: string }) {
  return (
    <div className="page">
      <header className="page-header">
        <h1 className="page-title">Page not found</h1>
      </header>
      <div className="card">
        <p>
          There is no console page at <code>{pathname}</code>.
        </p>
        <p>
          <Link to={home}>Back to the dashboard</Link>
        </p>
      </div>
    </div>
  )
}
