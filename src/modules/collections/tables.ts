/**
 * The collections tables as Kysely sees them: dunning actions, disconnection orders and notes.
 */
import { withTables } from '../../db/index.js'
import type { DunningAction } from './dunning.js'

export interface ActionsTable {
  id: string
  account_id: string
  episode_due_on: string
  action: DunningAction | 'late_fee' | 'escalation_withheld'
  amount_minor: bigint | null
  message_id: string | null
  journal_id: string | null
  detail: string | null
  taken_by: string
  taken_at: Date
}

export interface OrdersTable {
  id: string
  account_id: string
  status: 'pending' | 'cancelled' | 'completed'
  reason: string
  requested_by: string
  requested_at: Date
  ended_by: string | null
  ended_at: Date | null
}

export interface NotesTable {
  id: string
  account_id: string
  kind: 'affordability' | 'debt_advice'
  body: string
  details: unknown
  created_by: string
  created_at: Date
}

export const tables = withTables<{
  collection_actions: ActionsTable
  disconnection_orders: OrdersTable
  collection_notes: NotesTable
}>()
