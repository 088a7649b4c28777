import type { GspCode } from './gsp-regions.js'

export const noteTypes = ['general', 'billing', 'payment', 'service'] as const
export type NoteType = (typeof noteTypes)[number]

export interface Address {
  readonly line1: string
  readonly line2?: string | null | undefined
  readonly town: string
  readonly postcode: string
}

export interface EmailContact {
  readonly address: string
  readonly primary: boolean
}

export interface PhoneContact {
  readonly number: string
  readonly label: 'mobile' | 'home' | 'work' | 'other'
  readonly primary: boolean
}

export interface NewCustomer {
  readonly kind: 'person' | 'business'
  readonly title?: string | null | undefined
  readonly givenName?: string | null | undefined
  readonly familyName?: string | null | undefined
  readonly businessName?: string | null | undefined
}

export interface NewAccount {
  readonly number: string
  readonly customer: NewCustomer
  readonly property: Address & { readonly gspRegion: GspCode | null }
  readonly billingAddress: Address | null
  readonly emails: readonly EmailContact[]
  readonly phones: readonly PhoneContact[]
  readonly billingMode: 'paperless' | 'paper'
  readonly market: 'gb' | 'us'
  readonly openedOn: string
}

export interface Note {
  readonly id: string
  readonly accountId: string
  readonly type: NoteType
  readonly body: string
  readonly createdAt: Date
  readonly author: { readonly kind: string; readonly id: string | null; readonly displayName: string | null }
}

export interface AccountSummary {
  readonly accountId: string
  readonly accountNumber: string
  readonly customerName: string
  readonly serviceAddress: string
  readonly postcode: string
  readonly status: 'active' | 'closed'
}

export interface AccountOverview {
  readonly account: {
    readonly id: string
    readonly number: string
    readonly status: 'active' | 'closed'
    readonly openedOn: string
    readonly closedOn: string | null
    readonly market: 'gb' | 'us'
  }
  readonly customer: {
    readonly id: string
    readonly kind: 'person' | 'business'
    readonly displayName: string
    readonly title: string | null
    readonly givenName: string | null
    readonly familyName: string | null
    readonly businessName: string | null
  }
  readonly property: {
    readonly id: string
    readonly addressLines: string[]
    readonly town: string
    readonly postcode: string
    readonly gspRegion: { readonly code: string; readonly name: string } | null
  }
  readonly billingAddress: { readonly addressLines: string[]; readonly town: string; readonly postcode: string } | null
  readonly contacts: { readonly emails: EmailContact[]; readonly phones: PhoneContact[] }
  readonly preferences: { readonly billingMode: 'paperless' | 'paper' }
  readonly notes: { readonly items: Note[]; readonly nextCursor: string | null }
}

/** The overview with only some sections: the summary always, each other part only when asked for. */
export type AccountSectionsView = Pick<AccountOverview, 'account' | 'customer' | 'property'> &
  Partial<Pick<AccountOverview, 'billingAddress' | 'contacts' | 'preferences' | 'notes'>>

/** The parts of the overview a caller may ask for; each view records which were shown (AUD-1). */
export const overviewSections = ['summary', 'contacts', 'preferences', 'notes'] as const
export type OverviewSection = (typeof overviewSections)[number]
