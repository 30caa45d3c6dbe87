import React from 'react'

/** A link to the ranking view in the admin's navigation. */
export function ScorecardNavLink() {
  return (
    <a href="/admin/scorecard" className="nav__link" style={{ display: 'block', padding: '4px 0' }}>
      绩效考评排名 Scorecard ranking
    </a>
  )
}
