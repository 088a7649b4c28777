import { Link } from '../router.js'
import { PageHeader } from '../shared/page-header.js'

export function NotFoundPage({ pathname, home }: { pathname: string; home: string }) {
  return (
    <div className="page">
      <PageHeader title="Page not found" />
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
