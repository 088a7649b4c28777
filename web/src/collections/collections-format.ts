/** Words for collections: dunning steps, protections and categories, as agents say them. */
import { capitalise } from '../shared/format.js'

const actionLabels: Record<string, string> = {
  payment_reminder: 'Payment reminder',
  final_notice: 'Final notice',
  disconnection_notice: 'Disconnection notice',
  debt_collection_referral: 'Referred to debt collection',
  late_fee: 'Late fee',
  escalation_withheld: 'Escalation withheld (protected household)',
}

export function actionLabel(action: string | null): string {
  if (!action) return 'None yet'
  return actionLabels[action] ?? capitalise(action)
}

const registerLabels: Record<string, string> = {
  psr: 'Priority Services Register',
  vulnerable: 'Vulnerable',
}

export function registerLabel(register: string): string {
  return registerLabels[register] ?? capitalise(register)
}

const categoryLabels: Record<string, string> = {
  pensionable_age: 'Of pensionable age',
  children_under_5: 'Children under 5',
  blind_or_partially_sighted: 'Blind or partially sighted',
  deaf_or_hard_of_hearing: 'Deaf or hard of hearing',
  unable_to_communicate_in_english: 'Unable to communicate in English',
}

export function categoryLabel(category: string): string {
  return categoryLabels[category] ?? capitalise(category)
}
