// Process templates (Relate has them in its app, not its API): the statuses and fields each starts with,
// from Relate's product guides.
import type { FieldDefinitionInput } from '../fields/field-types.js'
import { DEFAULT_STATUSES, type StatusSpec } from './statuses.js'

export const TEMPLATE_NAMES = ['default', 'simple_sales', 'prospects', 'pipeline', 'fundraising', 'recruiting'] as const
export type TemplateName = (typeof TEMPLATE_NAMES)[number]

export interface ProcessTemplate {
  /** Name of the process when the request gives none. */
  name: string
  /** Key prefix when the request gives none. */
  identifier: string
  /** Set when the template only makes sense for one entry type. */
  entryType?: 'Contact' | 'Organization'
  statuses: readonly StatusSpec[]
  fields: readonly FieldDefinitionInput[]
}

const contactField: FieldDefinitionInput = { name: 'Contact', data_type: 'contact', accepts_multiple_values: false }

const active = (...names: string[]): StatusSpec[] => names.map((name) => ({ name, type: 'active' }))

export const TEMPLATES: Record<TemplateName, ProcessTemplate> = {
  default: { name: 'Process', identifier: 'PROC', statuses: DEFAULT_STATUSES, fields: [] },
  simple_sales: {
    name: 'Sales',
    identifier: 'DEAL',
    statuses: [
      ...active('Potential', 'Meeting scheduled', 'Closing'),
      { name: 'Closed Won', type: 'won' },
      { name: 'Closed Lost', type: 'lost' },
    ],
    fields: [contactField],
  },
  prospects: {
    name: 'Prospects',
    identifier: 'PROS',
    statuses: [
      ...active('Potential', 'Working', 'Nurturing'),
      { name: 'Qualified', type: 'won' },
      { name: 'Bad Fit', type: 'lost' },
    ],
    fields: [contactField],
  },
  pipeline: {
    name: 'Pipeline',
    identifier: 'DEAL',
    statuses: [
      ...active('Qualified', 'Meeting scheduled', 'Closing'),
      { name: 'Closed Won', type: 'won' },
      { name: 'Closed Lost', type: 'lost' },
    ],
    fields: [contactField],
  },
  fundraising: {
    name: 'Fundraising',
    identifier: 'FUND',
    entryType: 'Organization',
    statuses: [
      ...active('Lead', 'Intro', 'First meeting', 'Pitch', 'Committed', 'Due diligence'),
      { name: 'Funded', type: 'won' },
      { name: 'Passed', type: 'lost' },
    ],
    fields: [
      {
        name: 'Investor type',
        data_type: 'select',
        options: ['Angel', 'VC', 'Accelerator', 'CVC'],
        accepts_multiple_values: false,
      },
      { name: 'Fit', data_type: 'select', options: ['Good', 'Neutral', 'Bad'], accepts_multiple_values: false },
      { name: 'Memo', data_type: 'textarea' },
    ],
  },
  recruiting: {
    name: 'Recruiting',
    identifier: 'HIRE',
    entryType: 'Contact',
    statuses: [
      ...active('New', 'Screening', 'Interviewing', 'Sent offer'),
      { name: 'Accepted', type: 'won' },
      { name: 'Rejected', type: 'lost' },
      { name: 'Dropped', type: 'lost' },
    ],
    fields: [
      { name: 'Recruiting team', data_type: 'user', accepts_multiple_values: true },
      { name: 'Hiring manager', data_type: 'user', accepts_multiple_values: false },
    ],
  },
}
