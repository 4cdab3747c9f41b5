// Settings: lists and processes (made from templates; their statuses and fields edited with the API's
// merge-by-name PATCH; archive; connected lists), custom fields, members and API keys. One component per
// section; the section is the URL (/settings, /settings/lists/:id, /settings/fields, ...).
import type { ReactNode } from 'react'
import { Link, useLocation } from '../../router'
import { ApiKeysSettings } from './api-keys'
import { CustomFieldsSettings } from './custom-fields'
import { ListSettings, ListsSettings } from './lists'
import { MembersSettings } from './members'

const SECTIONS = [
  ['/settings', 'Lists and processes'],
  ['/settings/fields', 'Custom fields'],
  ['/settings/members', 'Members'],
  ['/settings/keys', 'API keys'],
] as const

export function SettingsPage() {
  const { path } = useLocation()
  let body: ReactNode
  const listId = /^\/settings\/lists\/([^/]+)$/.exec(path)?.[1]
  if (listId) body = <ListSettings id={decodeURIComponent(listId)} />
  else if (path === '/settings/fields') body = <CustomFieldsSettings />
  else if (path === '/settings/members') body = <MembersSettings />
  else if (path === '/settings/keys') body = <ApiKeysSettings />
  else body = <ListsSettings />
  return (
    <div className="page settings">
      <header className="page-header">
        <h1>Settings</h1>
        <nav aria-label="Settings sections" className="tabs">
          {SECTIONS.map(([to, label]) => (
            <Link
              key={to}
              to={to}
              aria-current={path === to || (to === '/settings' && listId) ? 'page' : undefined}
              className="tab"
            >
              {label}
            </Link>
          ))}
        </nav>
      </header>
      {body}
    </div>
  )
}
