// Generated from /openapi.json by scripts/api-types.ts (`npm run generate:api`). Do not edit.

export interface paths {
  "/api/accounts": {
    /** Search accounts by number, name, phone, email, postcode or address (tolerant of misspellings), MPAN, MPRN or meter serial */
    get: {
      parameters: {
        query: {
          q: string
          limit?: number
          cursor?: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              items: {
                accountId: string
                accountNumber: string
                customerName: string
                /** the service address on one line */
                serviceAddress: string
                postcode: string
                status: "active" | "closed"
                /** the status colour, for a caller who may read the account */
                colour?: "green" | "yellow" | "red" | "gray"
                /** positive when the customer owes, for a caller who may read payments */
                balanceMinor?: string
              }[]
              nextCursor: string | null
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    /** Open an account for a new customer at a property */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            customer: {
              kind: "person" | "business"
              title?: string | null
              givenName?: string | null
              familyName?: string | null
              businessName?: string | null
            }
            property: {
              line1: string
              line2?: string | null
              town: string
              postcode: string
              gspRegion: ("_A" | "_B" | "_C" | "_D" | "_E" | "_F" | "_G" | "_H" | "_J" | "_K" | "_L" | "_M" | "_N" | "_P") | null
            }
            billingAddress?: {
              line1: string
              line2?: string | null
              town: string
              postcode: string
            } | null
            emails?: {
              address: string
              primary?: boolean
            }[]
            phones?: {
              number: string
              label?: "mobile" | "home" | "work" | "other"
              primary?: boolean
            }[]
            billingMode?: "paperless" | "paper"
            openedOn: string
          }
        }
      }
      responses: {
        201: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              account: {
                id: string
                number: string
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}": {
    /** The account overview in one call, with only the sections the caller may see (listed in `sections`); recorded as a view */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** the sections the caller may see, which came */
              sections: ("summary" | "reviewFlags" | "contacts" | "siteNeeds" | "meterPoints" | "preferences" | "notes" | "standing" | "money" | "lastStatement" | "supplies" | "vulnerabilities" | "openCases")[]
              account: {
                id: string
                number: string
                status: "active" | "closed"
                /** a date, YYYY-MM-DD */
                openedOn: string
                closedOn: string | null
                market: "gb" | "us"
              }
              customer: {
                id: string
                kind: "person" | "business"
                displayName: string
                title: string | null
                givenName: string | null
                familyName: string | null
                businessName: string | null
              }
              property: {
                addressLines: string[]
                town: string
                postcode: string
                id: string
                gspRegion: {
                  code: string
                  name: string
                } | null
              }
              reviewFlags?: {
                id: string
                reason: string
                /** an ISO 8601 instant in UTC */
                raisedAt: string
              }[]
              billingAddress?: {
                addressLines: string[]
                town: string
                postcode: string
              } | null
              contacts?: {
                emails: {
                  address: string
                  primary: boolean
                }[]
                phones: {
                  number: string
                  label: "mobile" | "home" | "work" | "other"
                  primary: boolean
                }[]
              }
              preferences?: {
                billingMode: "paperless" | "paper"
              }
              notes?: {
                items: {
                  id: string
                  type: "general" | "billing" | "payment" | "service"
                  body: string
                  /** an ISO 8601 instant in UTC */
                  createdAt: string
                  author: {
                    /** who wrote it: a staff user, or the system */
                    kind: string
                    id: string | null
                    displayName: string | null
                  }
                }[]
                nextCursor: string | null
              }
              /** PSR need categories that matter on a visit */
              siteNeeds?: {
                category: string
              }[]
              meterPoints?: {
                id: string
                fuel: "electricity" | "gas"
                /** MPAN core (electricity) or MPRN (gas) */
                identifier: string
                direction: "import" | "export"
                profileClass: string | null
                gspRegion: string | null
                distributorId: string | null
                /** for an export MPAN: the import MPAN it is linked to */
                linkedImport: string | null
                /** a date, YYYY-MM-DD */
                suppliedFrom: string
                suppliedTo: string | null
                meters: {
                  serial: string
                  type: "smart" | "traditional" | "prepayment"
                  /** a date, YYYY-MM-DD */
                  installedOn: string
                  removedOn: string | null
                  registers: {
                    identifier: string
                    rate: "standard" | "day" | "night" | "peak" | "off_peak" | "export"
                    /** the dial digits; readings wrap to 0 after 10^digits − 1 */
                    digits: number
                    /** what the dial counts: kWh, or gas volume in m3 or hcf */
                    unit: "kWh" | "m3" | "hcf"
                  }[]
                }[]
              }[]
              /** the status colour with its reasons */
              standing?: {
                colour: "green" | "yellow" | "red" | "gray"
                reasons: {
                  colour: "green" | "yellow" | "red" | "gray"
                  code: string
                  /** for people, e.g. "£231.68 past due since 1 October 2026" */
                  detail: string
                  /** minor units (pence), as a string */
                  amountMinor?: string
                  /** a date, YYYY-MM-DD */
                  on?: string
                  reference?: string
                }[]
              }
              /** what the customer owes and how they pay */
              money?: {
                currency: string
                /** positive when the customer owes, negative in credit */
                balanceMinor: string
                /** minor units (pence), as a string */
                pastDueMinor: string
                oldestPastDueOn: string | null
                nextDueOn: string | null
                lastPayment: {
                  confirmationNumber: string
                  /** minor units (pence), as a string */
                  amountMinor: string
                  method: string
                  status: string
                  /** a date, YYYY-MM-DD */
                  takenOn: string
                } | null
                directDebit: {
                  kind: string
                  paymentDay: number
                  nextCollection: {
                    /** a date, YYYY-MM-DD */
                    collectOn: string
                    /** minor units (pence), as a string */
                    amountMinor: string
                  } | null
                } | null
              }
              lastStatement?: {
                number: string
                status: string
                /** an ISO 8601 instant in UTC */
                periodFrom: string
                /** an ISO 8601 instant in UTC */
                periodTo: string
                issuedAt: string | null
                dueOn: string | null
                /** minor units (pence), as a string */
                totalMinor: string
              } | null
              /** each supply and the tariff it is on today */
              supplies?: {
                /** MPAN or MPRN */
                identifier: string
                fuel: "electricity" | "gas"
                direction: "import" | "export"
                meters: {
                  serial: string
                  type: "smart" | "traditional" | "prepayment"
                }[]
                tariff: {
                  code: string
                  productCode: string
                  productName: string
                  /** an ISO 8601 instant in UTC */
                  since: string
                  termEndsAt: string | null
                  paymentMethod: "DIRECT_DEBIT" | "NON_DIRECT_DEBIT"
                  /** pence a day, inc VAT */
                  standingCharge: string | null
                  unitRates: {
                    name: "standard" | "day" | "night"
                    /** pence a kWh */
                    incVat: string
                  }[]
                } | null
              }[]
              vulnerabilities?: {
                register: string
                category: string
                reviewOn: string | null
              }[]
              openCases?: {
                count: number
                more: boolean
                newest: {
                  number: string
                  type: string
                  subject: string
                }[]
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/arrangements": {
    /** Payment arrangements with each instalment and where it stands */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** newest first */
              items: {
                id: string
                /** minor units (pence), as a string */
                pastDueMinor: string
                /** minor units (pence), as a string */
                downPaymentMinor: string
                /** minor units (pence), as a string */
                instalmentMinor: string
                frequency: "weekly" | "fortnightly" | "monthly"
                /** a date, YYYY-MM-DD */
                startsOn: string
                graceDays: number
                status: "active" | "completed" | "broken" | "cancelled"
                /** an ISO 8601 instant in UTC */
                createdAt: string
                endedAt: string | null
                endReason: string | null
                /** minor units (pence), as a string */
                paidMinor: string
                schedule: {
                  /** 0 is the down payment */
                  seq: number
                  /** a date, YYYY-MM-DD */
                  dueOn: string
                  /** minor units (pence), as a string */
                  amountMinor: string
                  /** minor units (pence), as a string */
                  paidMinor: string
                  state: "paid" | "part_paid" | "due" | "missed" | "scheduled"
                }[]
              }[]
              /** a date, YYYY-MM-DD */
              today: string
              /** what an arrangement set up today would cover */
              pastDueMinor: string
              /** the supplier's default down payment, a percentage of what is past due */
              downPaymentPercent: number
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    /** Set up a payment arrangement for what is past due (down payment defaults to the supplier percentage) and send its terms */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            downPaymentMinor?: string
            instalmentMinor: string
            frequency: "weekly" | "fortnightly" | "monthly"
            startsOn?: string
          }
        }
      }
      responses: {
        201: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              arrangement: {
                id: string
                /** minor units (pence), as a string */
                pastDueMinor: string
                /** minor units (pence), as a string */
                downPaymentMinor: string
                /** minor units (pence), as a string */
                instalmentMinor: string
                frequency: "weekly" | "fortnightly" | "monthly"
                /** a date, YYYY-MM-DD */
                startsOn: string
                graceDays: number
                status: "active" | "completed" | "broken" | "cancelled"
                /** an ISO 8601 instant in UTC */
                createdAt: string
                endedAt: string | null
                endReason: string | null
                /** minor units (pence), as a string */
                paidMinor: string
                schedule: {
                  /** 0 is the down payment */
                  seq: number
                  /** a date, YYYY-MM-DD */
                  dueOn: string
                  /** minor units (pence), as a string */
                  amountMinor: string
                  /** minor units (pence), as a string */
                  paidMinor: string
                  state: "paid" | "part_paid" | "due" | "missed" | "scheduled"
                }[]
              }
              /** the message that sends the terms */
              messageId: string
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/arrangements/{arrangementId}/letter": {
    /** The arrangement agreement letter as PDF */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
          arrangementId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/pdf": string
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/authorized-users/{userId}": {
    get?: never
    put?: never
    post?: never
    /** Remove an authorized user, asked by the holder or by the user themselves; the user and the account are told */
    delete: {
      parameters: {
        query?: {
          requestedBy?: "holder" | "user"
        }
        header?: never
        path: {
          accountNumber: string
          userId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        204: {
          headers: { [name: string]: unknown }
          content: never
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    options?: never
    head?: never
    /** Change an authorized user's level for the holder; the user and the account's email are told */
    patch: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
          userId: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            level: "full" | "limited"
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** the user */
              id: string
              kind: "holder" | "authorized_full" | "authorized_limited" | "property_manager" | "power_of_attorney" | "third_party"
              status: "active" | "pending_approval" | "revoked" | "expired"
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    trace?: never
  }
  "/api/accounts/{accountNumber}/balance": {
    /** The account's balance (positive: the customer owes) and past-due amount by age */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** minor units (pence), as a string */
              balanceMinor: string
              /** minor units (pence), as a string */
              pastDueMinor: string
              buckets: {
                /** minor units (pence), as a string */
                current: string
                /** minor units (pence), as a string */
                days1to30: string
                /** minor units (pence), as a string */
                days31to60: string
                /** minor units (pence), as a string */
                days61to90: string
                /** minor units (pence), as a string */
                over90: string
              }
              currency: string
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/bill-preview": {
    /** What billing the account now, up to the start of `on` (default today), would make: the draft and why it would be held, written nowhere */
    get: {
      parameters: {
        query?: {
          on?: string
        }
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** the draft as billing would record it now; `status` is the one it would get (held, issued or uninvoiced) */
              statement: {
                accountId: string
                kind: "periodic" | "final" | "rebill" | "corrected_final"
                status: "held" | "issued" | "rejected" | "superseded" | "uninvoiced" | "invoiced"
                /** an ISO 8601 instant in UTC */
                periodFrom: string
                /** an ISO 8601 instant in UTC */
                periodTo: string
                version: number
                replacesStatementId: string | null
                currency: string
                /** DIRECT_DEBIT or NON_DIRECT_DEBIT */
                paymentMethod: string
                /** minor units (pence), as a string */
                netMinor: string
                /** minor units (pence), as a string */
                vatMinor: string
                /** minor units (pence), as a string */
                totalMinor: string
                /** minor units (pence), as a string */
                writeoffMinor: string
                /** what the statement moved the balance by: the total, less a write-off and what a replaced version charged */
                postedMinor: string
                openingBalanceMinor: string | null
                chargesMinor: string | null
                paymentsMinor: string | null
                creditsMinor: string | null
                adjustmentsMinor: string | null
                closingBalanceMinor: string | null
                dueOn: string | null
                holdReasons: {
                  code: "missing_rates" | "no_agreement" | "negative_consumption" | "charge_far_above_usual" | "estimated_too_long" | "no_reading"
                  message: string
                  /** the technical cause: meter point, exact span, rate kind */
                  detail?: string
                }[]
                explanation: {
                  days: number
                  estimated: boolean
                  usage: {
                    meterPointId: string
                    /** MPAN core or MPRN */
                    identifier: string
                    direction: string
                    /** an exact decimal */
                    kwh: string
                    /** minor units (pence), as a string */
                    energyMinor: string
                    /** minor units (pence), as a string */
                    standingMinor: string
                    standingDays: number
                    /** gas read in volume: how each register advance became kWh */
                    gasConversions?: {
                      /** the register advance, in `volumeUnit` */
                      volume: string
                      /** cubic metres, or hundreds of cubic feet (imperial) */
                      volumeUnit: "m3" | "hcf"
                      /** the volume in m³ (hcf × 2.83) */
                      cubicMetres: string
                      /** volume correction, 1.02264 */
                      correctionFactor: string
                      calorificValueMjPerM3: string
                      /** m³ × correction factor × calorific value ÷ 3.6, to 3 dp */
                      kwh: string
                    }[]
                  }[]
                  backbilling?: {
                    /** a date, YYYY-MM-DD */
                    cutoff: string
                    /** minor units (pence), as a string */
                    oldChargesMinor: string
                    /** minor units (pence), as a string */
                    writeoffMinor: string
                    reason: string
                    /** the supplier's failings that made the back-bill its fault (seed 002) */
                    breaches?: ("not_billed_for_over_a_year" | "rebilled_higher_for_over_a_year" | "adequacy_review_overdue")[]
                  }
                  comparison?: {
                    previousNumber: string
                    previousDays: number
                    /** minor units (pence), as a string */
                    previousNetMinor: string
                    /** minor units (pence), as a string */
                    changeMinor: string
                    /** the part of the change due to using more or less energy */
                    usageEffectMinor: string
                    /** the part due to prices, on this period’s usage */
                    priceEffectMinor: string
                    /** the rest: days of standing charge, and rounding */
                    otherEffectMinor: string
                    summary: string
                  }
                }
                /** an ISO 8601 instant in UTC */
                createdAt: string
                issuedAt: string | null
                lines: {
                  position: number
                  identifier: string | null
                  tariffCode: string | null
                  kind: "energy" | "standing_charge" | "export_credit" | "backbilling_writeoff"
                  rateKind: string | null
                  /** an ISO 8601 instant in UTC */
                  from: string
                  /** an ISO 8601 instant in UTC */
                  to: string
                  /** an exact decimal, in `unit` */
                  quantity: string
                  unit: string
                  ratePence: string | null
                  vatPercent: string
                  /** minor units (pence), as a string */
                  amountMinor: string
                  /** where the line came from: half hours counted and estimated, the readings used, a rule */
                  source: {
                    [key: string]: unknown
                  }
                  description: string
                }[]
                settlement: {
                  kind: "refund" | "payment_request" | "none"
                  /** minor units (pence), as a string */
                  amountMinor: string
                } | null
              }
              holdReasons: {
                code: "missing_rates" | "no_agreement" | "negative_consumption" | "charge_far_above_usual" | "estimated_too_long" | "no_reading"
                message: string
                /** the technical cause: meter point, exact span, rate kind */
                detail?: string
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/billing-address": {
    get?: never
    /** Change where the account's post goes: a mailing address, or null for the service address */
    put: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            billingAddress: {
              line1: string
              line2?: string | null
              town: string
              postcode: string
            } | null
          }
        }
      }
      responses: {
        204: {
          headers: { [name: string]: unknown }
          content: never
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/business-billing": {
    /** A business account's uninvoiced charges and credits, and its invoices and credit notes */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              uninvoiced: {
                id: string
                number: string
                accountId: string
                kind: "periodic" | "final" | "rebill" | "corrected_final"
                status: "held" | "issued" | "rejected" | "superseded" | "uninvoiced" | "invoiced"
                /** an ISO 8601 instant in UTC */
                periodFrom: string
                /** an ISO 8601 instant in UTC */
                periodTo: string
                version: number
                replacesStatementId: string | null
                currency: string
                /** DIRECT_DEBIT or NON_DIRECT_DEBIT */
                paymentMethod: string
                /** minor units (pence), as a string */
                netMinor: string
                /** minor units (pence), as a string */
                vatMinor: string
                /** minor units (pence), as a string */
                totalMinor: string
                /** minor units (pence), as a string */
                writeoffMinor: string
                /** what the statement moved the balance by: the total, less a write-off and what a replaced version charged */
                postedMinor: string
                openingBalanceMinor: string | null
                chargesMinor: string | null
                paymentsMinor: string | null
                creditsMinor: string | null
                adjustmentsMinor: string | null
                closingBalanceMinor: string | null
                dueOn: string | null
                holdReasons: {
                  code: "missing_rates" | "no_agreement" | "negative_consumption" | "charge_far_above_usual" | "estimated_too_long" | "no_reading"
                  message: string
                  /** the technical cause: meter point, exact span, rate kind */
                  detail?: string
                }[]
                explanation: {
                  days: number
                  estimated: boolean
                  usage: {
                    meterPointId: string
                    /** MPAN core or MPRN */
                    identifier: string
                    direction: string
                    /** an exact decimal */
                    kwh: string
                    /** minor units (pence), as a string */
                    energyMinor: string
                    /** minor units (pence), as a string */
                    standingMinor: string
                    standingDays: number
                    /** gas read in volume: how each register advance became kWh */
                    gasConversions?: {
                      /** the register advance, in `volumeUnit` */
                      volume: string
                      /** cubic metres, or hundreds of cubic feet (imperial) */
                      volumeUnit: "m3" | "hcf"
                      /** the volume in m³ (hcf × 2.83) */
                      cubicMetres: string
                      /** volume correction, 1.02264 */
                      correctionFactor: string
                      calorificValueMjPerM3: string
                      /** m³ × correction factor × calorific value ÷ 3.6, to 3 dp */
                      kwh: string
                    }[]
                  }[]
                  backbilling?: {
                    /** a date, YYYY-MM-DD */
                    cutoff: string
                    /** minor units (pence), as a string */
                    oldChargesMinor: string
                    /** minor units (pence), as a string */
                    writeoffMinor: string
                    reason: string
                    /** the supplier's failings that made the back-bill its fault (seed 002) */
                    breaches?: ("not_billed_for_over_a_year" | "rebilled_higher_for_over_a_year" | "adequacy_review_overdue")[]
                  }
                  comparison?: {
                    previousNumber: string
                    previousDays: number
                    /** minor units (pence), as a string */
                    previousNetMinor: string
                    /** minor units (pence), as a string */
                    changeMinor: string
                    /** the part of the change due to using more or less energy */
                    usageEffectMinor: string
                    /** the part due to prices, on this period’s usage */
                    priceEffectMinor: string
                    /** the rest: days of standing charge, and rounding */
                    otherEffectMinor: string
                    summary: string
                  }
                }
                /** an ISO 8601 instant in UTC */
                createdAt: string
                issuedAt: string | null
              }[]
              documents: {
                id: string
                number: string
                accountId: string
                kind: "invoice" | "credit_note"
                status: "unissued" | "issued"
                currency: string
                /** minor units (pence), as a string */
                totalMinor: string
                needsPaymentApproval: boolean
                dueOn: string | null
                /** an ISO 8601 instant in UTC */
                createdAt: string
                issuedAt: string | null
                statementNumbers: string[]
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/cases": {
    /** An account's cases, newest first */
    get: {
      parameters: {
        query?: {
          status?: string
          type?: string
          limit?: number
          cursor?: string
        }
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              items: {
                id: string
                /** the reference given to the customer, like C-00000042 */
                number: string
                accountId: string
                accountNumber: string
                type: "billing_dispute" | "service_request" | "complaint_escalation" | "meter_test_request" | "account_investigation"
                priority: "low" | "normal" | "high" | "urgent"
                status: "open" | "in_progress" | "waiting_on_customer" | "resolved" | "closed"
                /** an ISO 8601 instant in UTC */
                statusAt: string
                subject: string
                description: string
                assignee: {
                  kind: "user"
                  userId: string
                } | {
                  kind: "team"
                  team: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer" | "pricing_analyst"
                } | {
                  kind: "none"
                }
                /** an ISO 8601 instant in UTC */
                openedAt: string
                openedBy: {
                  kind: string
                  id: string
                }
                resolvedAt: string | null
                resolvedById: string | null
                resolutionNote: string | null
                /** resolvedAt − openedAt in whole seconds, once resolved */
                resolutionSeconds: number | null
              }[]
              nextCursor: string | null
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    /** Open a case on the account; a billing dispute also sends the customer a dispute acknowledgement */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            type: "billing_dispute" | "service_request" | "complaint_escalation" | "meter_test_request" | "account_investigation"
            priority?: "low" | "normal" | "high" | "urgent"
            subject: string
            description?: string
            assignee?: {
              kind: "user"
              userId: string
            } | {
              kind: "team"
              team: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer" | "pricing_analyst"
            } | {
              kind: "none"
            }
          }
        }
      }
      responses: {
        201: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              case: {
                id: string
                /** the reference given to the customer, like C-00000042 */
                number: string
                accountId: string
                accountNumber: string
                type: "billing_dispute" | "service_request" | "complaint_escalation" | "meter_test_request" | "account_investigation"
                priority: "low" | "normal" | "high" | "urgent"
                status: "open" | "in_progress" | "waiting_on_customer" | "resolved" | "closed"
                /** an ISO 8601 instant in UTC */
                statusAt: string
                subject: string
                description: string
                assignee: {
                  kind: "user"
                  userId: string
                } | {
                  kind: "team"
                  team: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer" | "pricing_analyst"
                } | {
                  kind: "none"
                }
                /** an ISO 8601 instant in UTC */
                openedAt: string
                openedBy: {
                  kind: string
                  id: string
                }
                resolvedAt: string | null
                resolvedById: string | null
                resolutionNote: string | null
                /** resolvedAt − openedAt in whole seconds, once resolved */
                resolutionSeconds: number | null
              }
              /** the dispute acknowledgement sent to the customer, for a billing dispute */
              acknowledgement: {
                id: string
                channel: "email" | "sms" | "letter" | "phone_call"
                templateKey: string | null
                subject: string | null
                recipient: string | null
                status: string
              } | null
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/collection-notices": {
    get?: never
    put?: never
    /** Send a collections notice (payment reminder, final notice, disconnection, debt collection referral) */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            channel: "email" | "sms" | "letter"
            template: "payment_reminder" | "final_notice" | "disconnection_notice" | "debt_collection_referral" | "payment_arrangement_terms" | "appointment_confirmation" | "rate_change_notice" | "price_change_notice" | "dispute_acknowledgement" | "authorised_user_invitation" | "account_user_notice" | "statement_issued" | "general_message" | "welcome"
            fields?: {
              [key: string]: string
            }
            recipient?: string
            related?: {
              type: string
              id: string
            }
          }
        }
      }
      responses: {
        201: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              message: {
                id: string
                channel: "email" | "sms" | "letter" | "phone_call"
                direction: "outbound" | "inbound"
                templateKey: string | null
                subject: string | null
                body: string
                /** outbound: the address, number or one-line postal address it went to; inbound: ours, if known */
                recipient: string | null
                /** inbound: the address or number it came from */
                sender: string | null
                status: "queued" | "sent" | "delivered" | "opened" | "clicked" | "failed" | "bounced" | "received" | "completed"
                /** an ISO 8601 instant in UTC */
                statusAt: string
                /** the business record it belongs to */
                related: {
                  type: string
                  id: string
                } | null
                /** phone calls: talk and wrap-up time, in seconds */
                handleSeconds: number | null
                /** when it was written, received, or the call started */
                occurredAt: string
                /** an ISO 8601 instant in UTC */
                createdAt: string
                createdBy: {
                  kind: "staff" | "token" | "customer" | "system"
                  id: string | null
                }
                /** the transport that took it, e.g. 'smtp' or 'outbox' */
                provider: string | null
                /** the transport's own id of the message, when it gave one */
                providerMessageId: string | null
                deliveryAttempts: number
                failureReason: string | null
                history: {
                  status: "queued" | "sent" | "delivered" | "opened" | "clicked" | "failed" | "bounced" | "received" | "completed"
                  /** an ISO 8601 instant in UTC */
                  occurredAt: string
                  /** an ISO 8601 instant in UTC */
                  recordedAt: string
                  detail: string | null
                  recordedBy: {
                    kind: "staff" | "token" | "customer" | "system"
                    id: string | null
                  }
                }[]
                /** a letter's PDF can be fetched */
                hasPdf: boolean
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/collections": {
    /** Past due by age, dunning steps taken, disconnection orders, notes, PSR and vulnerability */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** a date, YYYY-MM-DD */
              today: string
              position: {
                /** minor units (pence), as a string */
                balanceMinor: string
                /** minor units (pence), as a string */
                pastDueMinor: string
                buckets: {
                  /** minor units (pence), as a string */
                  current: string
                  /** minor units (pence), as a string */
                  days1to30: string
                  /** minor units (pence), as a string */
                  days31to60: string
                  /** minor units (pence), as a string */
                  days61to90: string
                  /** minor units (pence), as a string */
                  over90: string
                }
                oldestPastDueOn: string | null
                nextDueOn: string | null
              }
              /** newest first */
              actions: {
                id: string
                /** the due date of the oldest unpaid charge when the step was taken */
                episodeDueOn: string
                action: "payment_reminder" | "final_notice" | "disconnection_notice" | "debt_collection_referral" | "late_fee" | "escalation_withheld"
                amountMinor: string | null
                messageId: string | null
                detail: string | null
                takenBy: string
                /** an ISO 8601 instant in UTC */
                takenAt: string
              }[]
              /** newest first */
              disconnectionOrders: {
                id: string
                status: "pending" | "cancelled" | "completed"
                reason: string
                requestedBy: string
                /** an ISO 8601 instant in UTC */
                requestedAt: string
                endedBy: string | null
                endedAt: string | null
              }[]
              /** newest first */
              notes: {
                id: string
                kind: "affordability" | "debt_advice"
                body: string
                details: {
                  /** minor units (pence), as a string */
                  monthlyIncomeMinor?: string
                  /** minor units (pence), as a string */
                  monthlyOutgoingsMinor?: string
                  /** minor units (pence), as a string */
                  canPayMonthlyMinor?: string
                  /** codes of the debt-advice organisations */
                  signposts?: string[]
                } | null
                createdBy: string
                /** an ISO 8601 instant in UTC */
                createdAt: string
              }[]
              vulnerabilities: {
                id: string
                register: "psr" | "vulnerable"
                category: string
                consentGiven: boolean
                consentOn: string | null
                reviewOn: string | null
                note: string | null
                /** an ISO 8601 instant in UTC */
                createdAt: string
              }[]
              /** newest first */
              arrangements: {
                id: string
                /** minor units (pence), as a string */
                pastDueMinor: string
                /** minor units (pence), as a string */
                downPaymentMinor: string
                /** minor units (pence), as a string */
                instalmentMinor: string
                frequency: "weekly" | "fortnightly" | "monthly"
                /** a date, YYYY-MM-DD */
                startsOn: string
                graceDays: number
                status: "active" | "completed" | "broken" | "cancelled"
                /** an ISO 8601 instant in UTC */
                createdAt: string
                endedAt: string | null
                endReason: string | null
                /** minor units (pence), as a string */
                paidMinor: string
                schedule: {
                  /** 0 is the down payment */
                  seq: number
                  /** a date, YYYY-MM-DD */
                  dueOn: string
                  /** minor units (pence), as a string */
                  amountMinor: string
                  /** minor units (pence), as a string */
                  paidMinor: string
                  state: "paid" | "part_paid" | "due" | "missed" | "scheduled"
                }[]
              }[]
              /** the debt-advice organisations a note may name */
              signposts: {
                code: string
                name: string
                description: string
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/collections-notes": {
    get?: never
    put?: never
    /** Record an affordability check or the debt-advice organisations the customer was pointed to */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            kind: "affordability"
            body: string
            affordability: {
              monthlyIncomeMinor: string
              monthlyOutgoingsMinor: string
              canPayMonthlyMinor: string
            }
          } | {
            kind: "debt_advice"
            body: string
            signposts: string[]
          }
        }
      }
      responses: {
        201: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              note: {
                id: string
                kind: "affordability" | "debt_advice"
                body: string
                details: {
                  /** minor units (pence), as a string */
                  monthlyIncomeMinor?: string
                  /** minor units (pence), as a string */
                  monthlyOutgoingsMinor?: string
                  /** minor units (pence), as a string */
                  canPayMonthlyMinor?: string
                  /** codes of the debt-advice organisations */
                  signposts?: string[]
                } | null
                createdBy: string
                /** an ISO 8601 instant in UTC */
                createdAt: string
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/contacts": {
    get?: never
    /** Replace the account's emails and phone numbers */
    put: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            emails: {
              address: string
              primary?: boolean
            }[]
            phones: {
              number: string
              label?: "mobile" | "home" | "work" | "other"
              primary?: boolean
            }[]
          }
        }
      }
      responses: {
        204: {
          headers: { [name: string]: unknown }
          content: never
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/credits": {
    get?: never
    put?: never
    /** Give a goodwill credit; above the supplier's limit (over 24 hours) it waits for a supervisor */
    post: {
      parameters: {
        query?: never
        header: {
          "idempotency-key": string
        }
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            amountMinor: string
            reason: string
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              request: {
                id: string
                /** in the approvals queue only */
                accountNumber?: string
                kind: "goodwill_credit" | "refund"
                /** minor units (pence), as a string */
                amountMinor: string
                currency: string
                reason: string
                status: "pending_approval" | "completed" | "rejected"
                needsApproval: boolean
                requestedBy: string
                /** an ISO 8601 instant in UTC */
                requestedAt: string
                decidedBy: string | null
                decidedAt: string | null
                decisionNote: string | null
              }
              /** true when the Idempotency-Key was seen before: the same request again */
              replayed: boolean
            }
          }
        }
        201: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              request: {
                id: string
                /** in the approvals queue only */
                accountNumber?: string
                kind: "goodwill_credit" | "refund"
                /** minor units (pence), as a string */
                amountMinor: string
                currency: string
                reason: string
                status: "pending_approval" | "completed" | "rejected"
                needsApproval: boolean
                requestedBy: string
                /** an ISO 8601 instant in UTC */
                requestedAt: string
                decidedBy: string | null
                decidedAt: string | null
                decisionNote: string | null
              }
              /** true when the Idempotency-Key was seen before: the same request again */
              replayed: boolean
            }
          }
        }
        202: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              request: {
                id: string
                /** in the approvals queue only */
                accountNumber?: string
                kind: "goodwill_credit" | "refund"
                /** minor units (pence), as a string */
                amountMinor: string
                currency: string
                reason: string
                status: "pending_approval" | "completed" | "rejected"
                needsApproval: boolean
                requestedBy: string
                /** an ISO 8601 instant in UTC */
                requestedAt: string
                decidedBy: string | null
                decidedAt: string | null
                decisionNote: string | null
              }
              /** true when the Idempotency-Key was seen before: the same request again */
              replayed: boolean
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/direct-debit": {
    get?: never
    /** Set up or replace the Direct Debit: fixed monthly amount or variable, with a debt repayment element */
    put: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            paymentMethodId: string
            kind: "fixed" | "variable"
            amountMinor?: string
            debtRepaymentMinor?: string
            paymentDay: number
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              directDebit: {
                id: string
                paymentMethodId: string
                kind: "fixed" | "variable"
                /** the fixed monthly amount; null for a variable Direct Debit */
                amountMinor: string | null
                /** minor units (pence), as a string */
                debtRepaymentMinor: string
                paymentDay: number
                status: "active" | "cancelled"
                /** an ISO 8601 instant in UTC */
                createdAt: string
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    post?: never
    /** Cancel the Direct Debit */
    delete: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        204: {
          headers: { [name: string]: unknown }
          content: never
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/direct-debit/adequacy": {
    /** Payment adequacy review: the fixed amount recommended from the last year's charges and the balance */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** the fixed Direct Debit now, if there is one */
              currentMinor: string | null
              /** the last year's charges, scaled up for a younger account */
              projectedAnnualMinor: string
              /** minor units (pence), as a string */
              balanceMinor: string
              /** the monthly amount recommended, rounded up to a whole unit */
              recommendedMinor: string
              /** days of charges the projection is based on */
              basisDays: number
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/direct-debit/next-collection": {
    /** The Direct Debit's next collection: its date and amount (a view of the account) */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** null without an active Direct Debit */
              nextCollection: {
                /** a date, YYYY-MM-DD */
                collectOn: string
                /** what the collection will take: the amount set for it, else the rule’s */
                amountMinor: string
                /** what the Direct Debit's rule says of the balance now */
                ruleAmountMinor: string
                /** the amount a billing specialist set for this collection, with why */
                setAmount: {
                  /** minor units (pence), as a string */
                  amountMinor: string
                  reason: string
                  setBy: string | null
                  /** an ISO 8601 instant in UTC */
                  setAt: string
                } | null
              } | null
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    /** Set the amount of the Direct Debit's next collection (a billing specialist, after a rebill): taken once, audited */
    put: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            amountMinor: string
            reason: string
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** null without an active Direct Debit */
              nextCollection: {
                /** a date, YYYY-MM-DD */
                collectOn: string
                /** what the collection will take: the amount set for it, else the rule’s */
                amountMinor: string
                /** what the Direct Debit's rule says of the balance now */
                ruleAmountMinor: string
                /** the amount a billing specialist set for this collection, with why */
                setAmount: {
                  /** minor units (pence), as a string */
                  amountMinor: string
                  reason: string
                  setBy: string | null
                  /** an ISO 8601 instant in UTC */
                  setAt: string
                } | null
              } | null
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/disconnection-orders": {
    get?: never
    put?: never
    /** Raise a disconnection order: only after the disconnection notice, never for a PSR or vulnerable household */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            reason: string
          }
        }
      }
      responses: {
        201: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              order: {
                id: string
                status: "pending" | "cancelled" | "completed"
                reason: string
                requestedBy: string
                /** an ISO 8601 instant in UTC */
                requestedAt: string
                endedBy: string | null
                endedAt: string | null
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/disconnection-orders/pending": {
    get?: never
    put?: never
    post?: never
    /** Cancel the pending disconnection order */
    delete: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        204: {
          headers: { [name: string]: unknown }
          content: never
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/disconnection-orders/pending/complete": {
    get?: never
    put?: never
    /** The field job is done: the supply was disconnected (the account shows gray) */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              order: {
                id: string
                status: "pending" | "cancelled" | "completed"
                reason: string
                requestedBy: string
                /** an ISO 8601 instant in UTC */
                requestedAt: string
                endedBy: string | null
                endedAt: string | null
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/documents": {
    get?: never
    put?: never
    /** Put uninvoiced charges on a new invoice, or credits on a new credit note (never both) */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            kind: "invoice" | "credit_note"
            statements: string[]
          }
        }
      }
      responses: {
        201: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              document: {
                id: string
                number: string
                accountId: string
                kind: "invoice" | "credit_note"
                status: "unissued" | "issued"
                currency: string
                /** minor units (pence), as a string */
                totalMinor: string
                needsPaymentApproval: boolean
                dueOn: string | null
                /** an ISO 8601 instant in UTC */
                createdAt: string
                issuedAt: string | null
                statementNumbers: string[]
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/external-users": {
    get?: never
    put?: never
    /** Give a person access: an authorized user, full or limited, for the holder (with their relationship to the holder), property manager, third party (scope and 30–90 days), power of attorney (waits for legal review) */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            email: string
            displayName: string
            kind: "holder" | "authorized_full" | "authorized_limited" | "property_manager" | "power_of_attorney" | "third_party"
            relationship?: string
            scope?: ("usage" | "bills" | "service_requests")[]
            days?: number
            poaDocument?: string
          }
        }
      }
      responses: {
        201: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              user: {
                id: string
                email: string
                displayName: string
              }
              grant: {
                id: string
                userId: string
                kind: "holder" | "authorized_full" | "authorized_limited" | "property_manager" | "power_of_attorney" | "third_party"
                /** pending_approval for a power of attorney until legal review */
                status: "active" | "pending_approval" | "revoked" | "expired"
                /** a third party's scope: usage, bills, service_requests */
                scope: string[]
                /** an ISO 8601 instant in UTC */
                validFrom: string
                /** when a third party's access ends; null when open-ended */
                validTo: string | null
                /** their relationship to the account holder */
                relationship: string | null
                /** the power-of-attorney document waiting for legal review */
                poaDocumentId: string | null
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/final-bill": {
    get?: never
    put?: never
    /** Final bill to the move-out date (estimating the final read if none) and the final balance settlement */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            moveOutOn: string
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              statement: {
                id: string
                number: string
                accountId: string
                kind: "periodic" | "final" | "rebill" | "corrected_final"
                status: "held" | "issued" | "rejected" | "superseded" | "uninvoiced" | "invoiced"
                /** an ISO 8601 instant in UTC */
                periodFrom: string
                /** an ISO 8601 instant in UTC */
                periodTo: string
                version: number
                replacesStatementId: string | null
                currency: string
                /** DIRECT_DEBIT or NON_DIRECT_DEBIT */
                paymentMethod: string
                /** minor units (pence), as a string */
                netMinor: string
                /** minor units (pence), as a string */
                vatMinor: string
                /** minor units (pence), as a string */
                totalMinor: string
                /** minor units (pence), as a string */
                writeoffMinor: string
                /** what the statement moved the balance by: the total, less a write-off and what a replaced version charged */
                postedMinor: string
                openingBalanceMinor: string | null
                chargesMinor: string | null
                paymentsMinor: string | null
                creditsMinor: string | null
                adjustmentsMinor: string | null
                closingBalanceMinor: string | null
                dueOn: string | null
                holdReasons: {
                  code: "missing_rates" | "no_agreement" | "negative_consumption" | "charge_far_above_usual" | "estimated_too_long" | "no_reading"
                  message: string
                  /** the technical cause: meter point, exact span, rate kind */
                  detail?: string
                }[]
                explanation: {
                  days: number
                  estimated: boolean
                  usage: {
                    meterPointId: string
                    /** MPAN core or MPRN */
                    identifier: string
                    direction: string
                    /** an exact decimal */
                    kwh: string
                    /** minor units (pence), as a string */
                    energyMinor: string
                    /** minor units (pence), as a string */
                    standingMinor: string
                    standingDays: number
                    /** gas read in volume: how each register advance became kWh */
                    gasConversions?: {
                      /** the register advance, in `volumeUnit` */
                      volume: string
                      /** cubic metres, or hundreds of cubic feet (imperial) */
                      volumeUnit: "m3" | "hcf"
                      /** the volume in m³ (hcf × 2.83) */
                      cubicMetres: string
                      /** volume correction, 1.02264 */
                      correctionFactor: string
                      calorificValueMjPerM3: string
                      /** m³ × correction factor × calorific value ÷ 3.6, to 3 dp */
                      kwh: string
                    }[]
                  }[]
                  backbilling?: {
                    /** a date, YYYY-MM-DD */
                    cutoff: string
                    /** minor units (pence), as a string */
                    oldChargesMinor: string
                    /** minor units (pence), as a string */
                    writeoffMinor: string
                    reason: string
                    /** the supplier's failings that made the back-bill its fault (seed 002) */
                    breaches?: ("not_billed_for_over_a_year" | "rebilled_higher_for_over_a_year" | "adequacy_review_overdue")[]
                  }
                  comparison?: {
                    previousNumber: string
                    previousDays: number
                    /** minor units (pence), as a string */
                    previousNetMinor: string
                    /** minor units (pence), as a string */
                    changeMinor: string
                    /** the part of the change due to using more or less energy */
                    usageEffectMinor: string
                    /** the part due to prices, on this period’s usage */
                    priceEffectMinor: string
                    /** the rest: days of standing charge, and rounding */
                    otherEffectMinor: string
                    summary: string
                  }
                }
                /** an ISO 8601 instant in UTC */
                createdAt: string
                issuedAt: string | null
              }
              /** false when the period was billed already: its statement is returned */
              created: boolean
            }
          }
        }
        201: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              statement: {
                id: string
                number: string
                accountId: string
                kind: "periodic" | "final" | "rebill" | "corrected_final"
                status: "held" | "issued" | "rejected" | "superseded" | "uninvoiced" | "invoiced"
                /** an ISO 8601 instant in UTC */
                periodFrom: string
                /** an ISO 8601 instant in UTC */
                periodTo: string
                version: number
                replacesStatementId: string | null
                currency: string
                /** DIRECT_DEBIT or NON_DIRECT_DEBIT */
                paymentMethod: string
                /** minor units (pence), as a string */
                netMinor: string
                /** minor units (pence), as a string */
                vatMinor: string
                /** minor units (pence), as a string */
                totalMinor: string
                /** minor units (pence), as a string */
                writeoffMinor: string
                /** what the statement moved the balance by: the total, less a write-off and what a replaced version charged */
                postedMinor: string
                openingBalanceMinor: string | null
                chargesMinor: string | null
                paymentsMinor: string | null
                creditsMinor: string | null
                adjustmentsMinor: string | null
                closingBalanceMinor: string | null
                dueOn: string | null
                holdReasons: {
                  code: "missing_rates" | "no_agreement" | "negative_consumption" | "charge_far_above_usual" | "estimated_too_long" | "no_reading"
                  message: string
                  /** the technical cause: meter point, exact span, rate kind */
                  detail?: string
                }[]
                explanation: {
                  days: number
                  estimated: boolean
                  usage: {
                    meterPointId: string
                    /** MPAN core or MPRN */
                    identifier: string
                    direction: string
                    /** an exact decimal */
                    kwh: string
                    /** minor units (pence), as a string */
                    energyMinor: string
                    /** minor units (pence), as a string */
                    standingMinor: string
                    standingDays: number
                    /** gas read in volume: how each register advance became kWh */
                    gasConversions?: {
                      /** the register advance, in `volumeUnit` */
                      volume: string
                      /** cubic metres, or hundreds of cubic feet (imperial) */
                      volumeUnit: "m3" | "hcf"
                      /** the volume in m³ (hcf × 2.83) */
                      cubicMetres: string
                      /** volume correction, 1.02264 */
                      correctionFactor: string
                      calorificValueMjPerM3: string
                      /** m³ × correction factor × calorific value ÷ 3.6, to 3 dp */
                      kwh: string
                    }[]
                  }[]
                  backbilling?: {
                    /** a date, YYYY-MM-DD */
                    cutoff: string
                    /** minor units (pence), as a string */
                    oldChargesMinor: string
                    /** minor units (pence), as a string */
                    writeoffMinor: string
                    reason: string
                    /** the supplier's failings that made the back-bill its fault (seed 002) */
                    breaches?: ("not_billed_for_over_a_year" | "rebilled_higher_for_over_a_year" | "adequacy_review_overdue")[]
                  }
                  comparison?: {
                    previousNumber: string
                    previousDays: number
                    /** minor units (pence), as a string */
                    previousNetMinor: string
                    /** minor units (pence), as a string */
                    changeMinor: string
                    /** the part of the change due to using more or less energy */
                    usageEffectMinor: string
                    /** the part due to prices, on this period’s usage */
                    priceEffectMinor: string
                    /** the rest: days of standing charge, and rounding */
                    otherEffectMinor: string
                    summary: string
                  }
                }
                /** an ISO 8601 instant in UTC */
                createdAt: string
                issuedAt: string | null
              }
              /** false when the period was billed already: its statement is returned */
              created: boolean
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/historical-bills": {
    /** Bills from the old billing system (migrated accounts), newest first */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              items: {
                id: string
                source: string
                reference: string
                /** a date, YYYY-MM-DD */
                issuedOn: string
                /** a date, YYYY-MM-DD */
                periodFrom: string
                /** a date, YYYY-MM-DD */
                periodTo: string
                /** minor units (pence), as a string */
                totalMinor: string
                readings: {
                  register: string
                  value: string
                  /** a date, YYYY-MM-DD */
                  readOn: string
                }[]
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/holds": {
    get?: never
    put?: never
    /** Place a seasonal hold (the account shows gray while it lasts) */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            kind: "seasonal"
            reason: string
            startsOn: string
            endsOn?: string
          }
        }
      }
      responses: {
        201: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              hold: {
                id: string
                kind: "seasonal"
                reason: string
                /** a date, YYYY-MM-DD */
                startsOn: string
                endsOn: string | null
                placedBy: string
                /** an ISO 8601 instant in UTC */
                placedAt: string
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/holds/{holdId}": {
    get?: never
    put?: never
    post?: never
    /** Lift a hold */
    delete: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
          holdId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        204: {
          headers: { [name: string]: unknown }
          content: never
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/inbound-emails": {
    get?: never
    put?: never
    /** Attach an email the customer sent to their account */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            from: string
            to?: string
            subject: string
            body: string
            receivedAt: string
            messageId?: string
            related?: {
              type: string
              id: string
            }
          }
        }
      }
      responses: {
        201: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              message: {
                id: string
                channel: "email" | "sms" | "letter" | "phone_call"
                direction: "outbound" | "inbound"
                templateKey: string | null
                subject: string | null
                body: string
                /** outbound: the address, number or one-line postal address it went to; inbound: ours, if known */
                recipient: string | null
                /** inbound: the address or number it came from */
                sender: string | null
                status: "queued" | "sent" | "delivered" | "opened" | "clicked" | "failed" | "bounced" | "received" | "completed"
                /** an ISO 8601 instant in UTC */
                statusAt: string
                /** the business record it belongs to */
                related: {
                  type: string
                  id: string
                } | null
                /** phone calls: talk and wrap-up time, in seconds */
                handleSeconds: number | null
                /** when it was written, received, or the call started */
                occurredAt: string
                /** an ISO 8601 instant in UTC */
                createdAt: string
                createdBy: {
                  kind: "staff" | "token" | "customer" | "system"
                  id: string | null
                }
                /** the transport that took it, e.g. 'smtp' or 'outbox' */
                provider: string | null
                /** the transport's own id of the message, when it gave one */
                providerMessageId: string | null
                deliveryAttempts: number
                failureReason: string | null
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/inbound-messages/{messageId}/suggested-reply": {
    /** The suggested reply to an email from the customer */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
          messageId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              suggestedReply: {
                id: string
                /** the customer email this replies to */
                inboundMessageId: string
                intent: "bill_query" | "payment" | "payment_arrangement" | "direct_debit" | "move" | "meter_reading" | "smart_meter" | "complaint" | "refund" | "tariff" | "export" | "vulnerability" | "other"
                /** 0 to 1: how far the winning intent stands above the rest */
                confidence: number
                subject: string
                /** the suggestion as drafted */
                body: string
                /** why the draft says what it says: the facts used and the articles quoted */
                sources: {
                  facts: {
                    name: string
                    value: string
                  }[]
                  articles: {
                    id: string
                    version: number
                    title: string
                  }[]
                  knowledgeBaseVersion: string
                  template: string
                  /** local, or local+<model> when a language model reworded it */
                  method: string
                  evidence: {
                    intent: "bill_query" | "payment" | "payment_arrangement" | "direct_debit" | "move" | "meter_reading" | "smart_meter" | "complaint" | "refund" | "tariff" | "export" | "vulnerability" | "other"
                    phrase: string
                    weight: number
                    negated: boolean
                  }[]
                  /** why a configured model failed (the local draft was kept) */
                  modelError?: string
                }
                status: "draft" | "reviewed" | "sent" | "discarded"
                /** the staff user who last reviewed it */
                reviewedBy: string | null
                reviewedAt: string | null
                /** the reviewer's text when they changed the suggestion; what is sent */
                editedBody: string | null
                sentMessageId: string | null
                /** an ISO 8601 instant in UTC */
                createdAt: string
                /** an ISO 8601 instant in UTC */
                updatedAt: string
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    /** Draft a suggested reply to an email from the customer (or return the one already drafted): intent, account facts, knowledge base */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
          messageId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              suggestedReply: {
                id: string
                /** the customer email this replies to */
                inboundMessageId: string
                intent: "bill_query" | "payment" | "payment_arrangement" | "direct_debit" | "move" | "meter_reading" | "smart_meter" | "complaint" | "refund" | "tariff" | "export" | "vulnerability" | "other"
                /** 0 to 1: how far the winning intent stands above the rest */
                confidence: number
                subject: string
                /** the suggestion as drafted */
                body: string
                /** why the draft says what it says: the facts used and the articles quoted */
                sources: {
                  facts: {
                    name: string
                    value: string
                  }[]
                  articles: {
                    id: string
                    version: number
                    title: string
                  }[]
                  knowledgeBaseVersion: string
                  template: string
                  /** local, or local+<model> when a language model reworded it */
                  method: string
                  evidence: {
                    intent: "bill_query" | "payment" | "payment_arrangement" | "direct_debit" | "move" | "meter_reading" | "smart_meter" | "complaint" | "refund" | "tariff" | "export" | "vulnerability" | "other"
                    phrase: string
                    weight: number
                    negated: boolean
                  }[]
                  /** why a configured model failed (the local draft was kept) */
                  modelError?: string
                }
                status: "draft" | "reviewed" | "sent" | "discarded"
                /** the staff user who last reviewed it */
                reviewedBy: string | null
                reviewedAt: string | null
                /** the reviewer's text when they changed the suggestion; what is sent */
                editedBody: string | null
                sentMessageId: string | null
                /** an ISO 8601 instant in UTC */
                createdAt: string
                /** an ISO 8601 instant in UTC */
                updatedAt: string
              }
              /** true when drafted now (201), false when it was already drafted (200) */
              created: boolean
            }
          }
        }
        201: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              suggestedReply: {
                id: string
                /** the customer email this replies to */
                inboundMessageId: string
                intent: "bill_query" | "payment" | "payment_arrangement" | "direct_debit" | "move" | "meter_reading" | "smart_meter" | "complaint" | "refund" | "tariff" | "export" | "vulnerability" | "other"
                /** 0 to 1: how far the winning intent stands above the rest */
                confidence: number
                subject: string
                /** the suggestion as drafted */
                body: string
                /** why the draft says what it says: the facts used and the articles quoted */
                sources: {
                  facts: {
                    name: string
                    value: string
                  }[]
                  articles: {
                    id: string
                    version: number
                    title: string
                  }[]
                  knowledgeBaseVersion: string
                  template: string
                  /** local, or local+<model> when a language model reworded it */
                  method: string
                  evidence: {
                    intent: "bill_query" | "payment" | "payment_arrangement" | "direct_debit" | "move" | "meter_reading" | "smart_meter" | "complaint" | "refund" | "tariff" | "export" | "vulnerability" | "other"
                    phrase: string
                    weight: number
                    negated: boolean
                  }[]
                  /** why a configured model failed (the local draft was kept) */
                  modelError?: string
                }
                status: "draft" | "reviewed" | "sent" | "discarded"
                /** the staff user who last reviewed it */
                reviewedBy: string | null
                reviewedAt: string | null
                /** the reviewer's text when they changed the suggestion; what is sent */
                editedBody: string | null
                sentMessageId: string | null
                /** an ISO 8601 instant in UTC */
                createdAt: string
                /** an ISO 8601 instant in UTC */
                updatedAt: string
              }
              /** true when drafted now (201), false when it was already drafted (200) */
              created: boolean
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/inbound-messages/{messageId}/suggested-reply/discard": {
    get?: never
    put?: never
    /** Discard the suggested reply */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
          messageId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              suggestedReply: {
                id: string
                /** the customer email this replies to */
                inboundMessageId: string
                intent: "bill_query" | "payment" | "payment_arrangement" | "direct_debit" | "move" | "meter_reading" | "smart_meter" | "complaint" | "refund" | "tariff" | "export" | "vulnerability" | "other"
                /** 0 to 1: how far the winning intent stands above the rest */
                confidence: number
                subject: string
                /** the suggestion as drafted */
                body: string
                /** why the draft says what it says: the facts used and the articles quoted */
                sources: {
                  facts: {
                    name: string
                    value: string
                  }[]
                  articles: {
                    id: string
                    version: number
                    title: string
                  }[]
                  knowledgeBaseVersion: string
                  template: string
                  /** local, or local+<model> when a language model reworded it */
                  method: string
                  evidence: {
                    intent: "bill_query" | "payment" | "payment_arrangement" | "direct_debit" | "move" | "meter_reading" | "smart_meter" | "complaint" | "refund" | "tariff" | "export" | "vulnerability" | "other"
                    phrase: string
                    weight: number
                    negated: boolean
                  }[]
                  /** why a configured model failed (the local draft was kept) */
                  modelError?: string
                }
                status: "draft" | "reviewed" | "sent" | "discarded"
                /** the staff user who last reviewed it */
                reviewedBy: string | null
                reviewedAt: string | null
                /** the reviewer's text when they changed the suggestion; what is sent */
                editedBody: string | null
                sentMessageId: string | null
                /** an ISO 8601 instant in UTC */
                createdAt: string
                /** an ISO 8601 instant in UTC */
                updatedAt: string
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/inbound-messages/{messageId}/suggested-reply/review": {
    get?: never
    put?: never
    /** Mark the suggested reply reviewed by you, with your edited text if you changed it */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
          messageId: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            body?: string
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              suggestedReply: {
                id: string
                /** the customer email this replies to */
                inboundMessageId: string
                intent: "bill_query" | "payment" | "payment_arrangement" | "direct_debit" | "move" | "meter_reading" | "smart_meter" | "complaint" | "refund" | "tariff" | "export" | "vulnerability" | "other"
                /** 0 to 1: how far the winning intent stands above the rest */
                confidence: number
                subject: string
                /** the suggestion as drafted */
                body: string
                /** why the draft says what it says: the facts used and the articles quoted */
                sources: {
                  facts: {
                    name: string
                    value: string
                  }[]
                  articles: {
                    id: string
                    version: number
                    title: string
                  }[]
                  knowledgeBaseVersion: string
                  template: string
                  /** local, or local+<model> when a language model reworded it */
                  method: string
                  evidence: {
                    intent: "bill_query" | "payment" | "payment_arrangement" | "direct_debit" | "move" | "meter_reading" | "smart_meter" | "complaint" | "refund" | "tariff" | "export" | "vulnerability" | "other"
                    phrase: string
                    weight: number
                    negated: boolean
                  }[]
                  /** why a configured model failed (the local draft was kept) */
                  modelError?: string
                }
                status: "draft" | "reviewed" | "sent" | "discarded"
                /** the staff user who last reviewed it */
                reviewedBy: string | null
                reviewedAt: string | null
                /** the reviewer's text when they changed the suggestion; what is sent */
                editedBody: string | null
                sentMessageId: string | null
                /** an ISO 8601 instant in UTC */
                createdAt: string
                /** an ISO 8601 instant in UTC */
                updatedAt: string
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/inbound-messages/{messageId}/suggested-reply/send": {
    get?: never
    put?: never
    /** Send the reviewed suggested reply to the customer’s email on file (refused until a person reviewed it) */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
          messageId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        201: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              suggestedReply: {
                id: string
                /** the customer email this replies to */
                inboundMessageId: string
                intent: "bill_query" | "payment" | "payment_arrangement" | "direct_debit" | "move" | "meter_reading" | "smart_meter" | "complaint" | "refund" | "tariff" | "export" | "vulnerability" | "other"
                /** 0 to 1: how far the winning intent stands above the rest */
                confidence: number
                subject: string
                /** the suggestion as drafted */
                body: string
                /** why the draft says what it says: the facts used and the articles quoted */
                sources: {
                  facts: {
                    name: string
                    value: string
                  }[]
                  articles: {
                    id: string
                    version: number
                    title: string
                  }[]
                  knowledgeBaseVersion: string
                  template: string
                  /** local, or local+<model> when a language model reworded it */
                  method: string
                  evidence: {
                    intent: "bill_query" | "payment" | "payment_arrangement" | "direct_debit" | "move" | "meter_reading" | "smart_meter" | "complaint" | "refund" | "tariff" | "export" | "vulnerability" | "other"
                    phrase: string
                    weight: number
                    negated: boolean
                  }[]
                  /** why a configured model failed (the local draft was kept) */
                  modelError?: string
                }
                status: "draft" | "reviewed" | "sent" | "discarded"
                /** the staff user who last reviewed it */
                reviewedBy: string | null
                reviewedAt: string | null
                /** the reviewer's text when they changed the suggestion; what is sent */
                editedBody: string | null
                sentMessageId: string | null
                /** an ISO 8601 instant in UTC */
                createdAt: string
                /** an ISO 8601 instant in UTC */
                updatedAt: string
              }
              message: {
                id: string
                accountId: string
                channel: "email" | "sms" | "letter" | "phone_call"
                direction: "outbound" | "inbound"
                templateKey: string | null
                subject: string | null
                body: string
                recipient: string | null
                sender: string | null
                status: "queued" | "sent" | "delivered" | "opened" | "clicked" | "failed" | "bounced" | "received" | "completed"
                /** an ISO 8601 instant in UTC */
                statusAt: string
                related: {
                  type: string
                  id: string
                } | null
                handleSeconds: number | null
                /** an ISO 8601 instant in UTC */
                occurredAt: string
                /** an ISO 8601 instant in UTC */
                createdAt: string
                createdBy: {
                  kind: string
                  id: string | null
                }
                failureReason: string | null
                history: {
                  status: "queued" | "sent" | "delivered" | "opened" | "clicked" | "failed" | "bounced" | "received" | "completed"
                  /** an ISO 8601 instant in UTC */
                  occurredAt: string
                  /** an ISO 8601 instant in UTC */
                  recordedAt: string
                  detail: string | null
                  recordedBy: {
                    kind: string
                    id: string | null
                  }
                }[]
                hasPdf: boolean
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/late-fees": {
    get?: never
    put?: never
    /** Apply the late fee (once per debt; at most the supplier setting) */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            amountMinor?: string
          }
        }
      }
      responses: {
        201: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** minor units (pence), as a string */
              amountMinor: string
              /** the due date of the debt the fee is for */
              episode: string
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/messages": {
    /** The account's messages, outbound and inbound, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number
          cursor?: string
          channel?: "email" | "sms" | "letter" | "phone_call"
        }
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              items: {
                id: string
                channel: "email" | "sms" | "letter" | "phone_call"
                direction: "outbound" | "inbound"
                templateKey: string | null
                subject: string | null
                body: string
                /** outbound: the address, number or one-line postal address it went to; inbound: ours, if known */
                recipient: string | null
                /** inbound: the address or number it came from */
                sender: string | null
                status: "queued" | "sent" | "delivered" | "opened" | "clicked" | "failed" | "bounced" | "received" | "completed"
                /** an ISO 8601 instant in UTC */
                statusAt: string
                /** the business record it belongs to */
                related: {
                  type: string
                  id: string
                } | null
                /** phone calls: talk and wrap-up time, in seconds */
                handleSeconds: number | null
                /** when it was written, received, or the call started */
                occurredAt: string
                /** an ISO 8601 instant in UTC */
                createdAt: string
                createdBy: {
                  kind: "staff" | "token" | "customer" | "system"
                  id: string | null
                }
                /** the transport that took it, e.g. 'smtp' or 'outbox' */
                provider: string | null
                /** the transport's own id of the message, when it gave one */
                providerMessageId: string | null
                deliveryAttempts: number
                failureReason: string | null
              }[]
              nextCursor: string | null
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    /** Send a templated email, SMS (enrolled customers only) or letter to the account */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            channel: "email" | "sms" | "letter"
            template: "payment_reminder" | "final_notice" | "disconnection_notice" | "debt_collection_referral" | "payment_arrangement_terms" | "appointment_confirmation" | "rate_change_notice" | "price_change_notice" | "dispute_acknowledgement" | "authorised_user_invitation" | "account_user_notice" | "statement_issued" | "general_message" | "welcome"
            fields?: {
              [key: string]: string
            }
            recipient?: string
            related?: {
              type: string
              id: string
            }
          }
        }
      }
      responses: {
        201: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              message: {
                id: string
                channel: "email" | "sms" | "letter" | "phone_call"
                direction: "outbound" | "inbound"
                templateKey: string | null
                subject: string | null
                body: string
                /** outbound: the address, number or one-line postal address it went to; inbound: ours, if known */
                recipient: string | null
                /** inbound: the address or number it came from */
                sender: string | null
                status: "queued" | "sent" | "delivered" | "opened" | "clicked" | "failed" | "bounced" | "received" | "completed"
                /** an ISO 8601 instant in UTC */
                statusAt: string
                /** the business record it belongs to */
                related: {
                  type: string
                  id: string
                } | null
                /** phone calls: talk and wrap-up time, in seconds */
                handleSeconds: number | null
                /** when it was written, received, or the call started */
                occurredAt: string
                /** an ISO 8601 instant in UTC */
                createdAt: string
                createdBy: {
                  kind: "staff" | "token" | "customer" | "system"
                  id: string | null
                }
                /** the transport that took it, e.g. 'smtp' or 'outbox' */
                provider: string | null
                /** the transport's own id of the message, when it gave one */
                providerMessageId: string | null
                deliveryAttempts: number
                failureReason: string | null
                history: {
                  status: "queued" | "sent" | "delivered" | "opened" | "clicked" | "failed" | "bounced" | "received" | "completed"
                  /** an ISO 8601 instant in UTC */
                  occurredAt: string
                  /** an ISO 8601 instant in UTC */
                  recordedAt: string
                  detail: string | null
                  recordedBy: {
                    kind: "staff" | "token" | "customer" | "system"
                    id: string | null
                  }
                }[]
                /** a letter's PDF can be fetched */
                hasPdf: boolean
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/messages/preview": {
    get?: never
    put?: never
    /** Merge a template with the account’s fields without sending it; refuses unknown or missing fields */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            channel: "email" | "sms" | "letter"
            template: "payment_reminder" | "final_notice" | "disconnection_notice" | "debt_collection_referral" | "payment_arrangement_terms" | "appointment_confirmation" | "rate_change_notice" | "price_change_notice" | "dispute_acknowledgement" | "authorised_user_invitation" | "account_user_notice" | "statement_issued" | "general_message" | "welcome"
            fields?: {
              [key: string]: string
            }
            recipient?: string
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              preview: {
                channel: "email" | "sms" | "letter"
                templateKey: string
                subject: string
                body: string
                recipient: string
                /** letters: the postal address, line by line */
                address: string[] | null
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/messages/{messageId}": {
    /** One message with its status history */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
          messageId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              message: {
                id: string
                channel: "email" | "sms" | "letter" | "phone_call"
                direction: "outbound" | "inbound"
                templateKey: string | null
                subject: string | null
                body: string
                /** outbound: the address, number or one-line postal address it went to; inbound: ours, if known */
                recipient: string | null
                /** inbound: the address or number it came from */
                sender: string | null
                status: "queued" | "sent" | "delivered" | "opened" | "clicked" | "failed" | "bounced" | "received" | "completed"
                /** an ISO 8601 instant in UTC */
                statusAt: string
                /** the business record it belongs to */
                related: {
                  type: string
                  id: string
                } | null
                /** phone calls: talk and wrap-up time, in seconds */
                handleSeconds: number | null
                /** when it was written, received, or the call started */
                occurredAt: string
                /** an ISO 8601 instant in UTC */
                createdAt: string
                createdBy: {
                  kind: "staff" | "token" | "customer" | "system"
                  id: string | null
                }
                /** the transport that took it, e.g. 'smtp' or 'outbox' */
                provider: string | null
                /** the transport's own id of the message, when it gave one */
                providerMessageId: string | null
                deliveryAttempts: number
                failureReason: string | null
                history: {
                  status: "queued" | "sent" | "delivered" | "opened" | "clicked" | "failed" | "bounced" | "received" | "completed"
                  /** an ISO 8601 instant in UTC */
                  occurredAt: string
                  /** an ISO 8601 instant in UTC */
                  recordedAt: string
                  detail: string | null
                  recordedBy: {
                    kind: "staff" | "token" | "customer" | "system"
                    id: string | null
                  }
                }[]
                /** a letter's PDF can be fetched */
                hasPdf: boolean
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/messages/{messageId}/pdf": {
    /** A letter as the PDF that was sent */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
          messageId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/pdf": string
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/meter-points": {
    /** The account's meter points, meters and registers, and their tariff history for a caller who may read tariffs (none for a field technician) */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              items: {
                id: string
                fuel: "electricity" | "gas"
                /** MPAN core (electricity) or MPRN (gas) */
                identifier: string
                direction: "import" | "export"
                profileClass: string | null
                gspRegion: string | null
                distributorId: string | null
                /** for an export MPAN: the import MPAN it is linked to */
                linkedImport: string | null
                /** a date, YYYY-MM-DD */
                suppliedFrom: string
                suppliedTo: string | null
                meters: {
                  serial: string
                  type: "smart" | "traditional" | "prepayment"
                  /** a date, YYYY-MM-DD */
                  installedOn: string
                  removedOn: string | null
                  registers: {
                    identifier: string
                    rate: "standard" | "day" | "night" | "peak" | "off_peak" | "export"
                    /** the dial digits; readings wrap to 0 after 10^digits − 1 */
                    digits: number
                    /** what the dial counts: kWh, or gas volume in m3 or hcf */
                    unit: "kWh" | "m3" | "hcf"
                  }[]
                }[]
                /** the GSP region's name, 'Eastern England' */
                gspRegionName: string | null
                /** absent for a caller who may not read tariffs (a field technician) */
                agreements?: {
                  tariffCode: string
                  productCode: string
                  productName: string
                  /** an ISO 8601 instant in UTC */
                  validFrom: string
                  /** null while the agreement is open-ended */
                  validTo: string | null
                }[]
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    /** Register a meter point at the account's property with its meter and registers, and start its supply (and tariff) on a date */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            fuel: "electricity" | "gas"
            /** MPAN core (its check digit is checked, its region derived from the distributor and matched with the property's) or MPRN */
            identifier: string
            direction?: "import" | "export"
            profileClass?: string | null
            /** only for an independent network (distributor 24–38) at a property with no region */
            gspRegion?: string | null
            /** the first day of supply; the meter is installed from then */
            suppliedFrom: string
            /** the tariff the point is on from then */
            tariffCode?: string | null
            /** the meter installed now (at most one; later ones come by exchange) */
            meters?: {
              serial: string
              type: "smart" | "traditional" | "prepayment"
              registers: {
                /** the register's id, 'S', '01' */
                identifier: string
                rate: "standard" | "day" | "night" | "peak" | "off_peak" | "export"
                /** the dial digits (5 when absent) */
                digits?: number
                /** kWh for electricity; m3 (when absent) or hcf (hundreds of cubic feet) for gas */
                unit?: "kWh" | "m3" | "hcf"
              }[]
            }[]
          }
        }
      }
      responses: {
        201: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              meterPoint: {
                id: string
                fuel: "electricity" | "gas"
                /** MPAN core (electricity) or MPRN (gas) */
                identifier: string
                direction: "import" | "export"
                profileClass: string | null
                gspRegion: string | null
                distributorId: string | null
                /** for an export MPAN: the import MPAN it is linked to */
                linkedImport: string | null
                /** a date, YYYY-MM-DD */
                suppliedFrom: string
                suppliedTo: string | null
                meters: {
                  serial: string
                  type: "smart" | "traditional" | "prepayment"
                  /** a date, YYYY-MM-DD */
                  installedOn: string
                  removedOn: string | null
                  registers: {
                    identifier: string
                    rate: "standard" | "day" | "night" | "peak" | "off_peak" | "export"
                    /** the dial digits; readings wrap to 0 after 10^digits − 1 */
                    digits: number
                    /** what the dial counts: kWh, or gas volume in m3 or hcf */
                    unit: "kWh" | "m3" | "hcf"
                  }[]
                }[]
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/meter-points/{identifier}/end-supply": {
    get?: never
    put?: never
    /** End the account's supply of one of its meter points: `on` is the first day it is no longer supplied */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
          identifier: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            on: string
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              identifier: string
              /** a date, YYYY-MM-DD */
              suppliedFrom: string
              /** a date, YYYY-MM-DD */
              suppliedTo: string
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/meter-points/{identifier}/exchange": {
    get?: never
    put?: never
    /** Exchange a meter: the removed meter's final (removal) readings and the installed meter's opening (install) readings, on a date */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
          identifier: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            /** the day of the exchange: the old meter is removed and the new one installed */
            on: string
            oldSerial: string
            /** one a register of the removed meter */
            removalReadings: {
              register: string
              /** units with at most one decimal place */
              value: string
            }[]
            newMeter: {
              serial: string
              type: "smart" | "traditional" | "prepayment"
              registers: {
                /** the register's id, 'S', '01' */
                identifier: string
                rate: "standard" | "day" | "night" | "peak" | "off_peak" | "export"
                /** the dial digits (5 when absent) */
                digits?: number
                /** kWh for electricity; m3 (when absent) or hcf (hundreds of cubic feet) for gas */
                unit?: "kWh" | "m3" | "hcf"
              }[]
            }
            /** one a register of the new meter */
            installReadings: {
              register: string
              /** units with at most one decimal place */
              value: string
            }[]
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              meterPoint: {
                id: string
                fuel: "electricity" | "gas"
                /** MPAN core (electricity) or MPRN (gas) */
                identifier: string
                direction: "import" | "export"
                profileClass: string | null
                gspRegion: string | null
                distributorId: string | null
                /** for an export MPAN: the import MPAN it is linked to */
                linkedImport: string | null
                /** a date, YYYY-MM-DD */
                suppliedFrom: string
                suppliedTo: string | null
                meters: {
                  serial: string
                  type: "smart" | "traditional" | "prepayment"
                  /** a date, YYYY-MM-DD */
                  installedOn: string
                  removedOn: string | null
                  registers: {
                    identifier: string
                    rate: "standard" | "day" | "night" | "peak" | "off_peak" | "export"
                    /** the dial digits; readings wrap to 0 after 10^digits − 1 */
                    digits: number
                    /** what the dial counts: kWh, or gas volume in m3 or hcf */
                    unit: "kWh" | "m3" | "hcf"
                  }[]
                }[]
              }
              removalReadings: {
                id: string
                meterPoint: string
                meterSerial: string
                register: string
                /** an ISO 8601 instant in UTC */
                readAt: string
                value: string
                source: "customer" | "smart" | "agent" | "field" | "industry" | "estimated" | "transfer"
                kind: "normal" | "install" | "removal" | "final" | "initial"
                status: string
                reason: string | null
              }[]
              installReadings: {
                id: string
                meterPoint: string
                meterSerial: string
                register: string
                /** an ISO 8601 instant in UTC */
                readAt: string
                value: string
                source: "customer" | "smart" | "agent" | "field" | "industry" | "estimated" | "transfer"
                kind: "normal" | "install" | "removal" | "final" | "initial"
                status: string
                reason: string | null
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/move-in": {
    get?: never
    put?: never
    /** Move in: a named customer replaces "The Occupier"; the occupier account is final billed and closed on the date */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            on: string
            finalReadings?: {
              meterPoint: string
              meterSerial: string
              register: string
              value: string
              source?: "customer" | "agent" | "field"
            }[]
            tariffCode?: string
            customer: {
              name?: string
              title?: string | null
              givenName?: string | null
              familyName?: string | null
              email?: string | null
              phone?: string | null
            }
          }
        }
      }
      responses: {
        201: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              closedAccount: {
                number: string
                customerName: string
                status: "closed"
                /** a date, YYYY-MM-DD */
                openedOn: string
                /** a date, YYYY-MM-DD */
                closedOn: string
              }
              finalStatement: {
                number: string
                kind: string
                status: string
                /** an ISO 8601 instant in UTC */
                periodFrom: string
                /** an ISO 8601 instant in UTC */
                periodTo: string
                currency: string
                /** minor units (pence), as a string */
                totalMinor: string
                closingBalanceMinor: string | null
                /** whether the final read of some register was estimated */
                estimated: boolean
                /** false when the account was already billed to the move date */
                created: boolean
                /** the final balance settlement; null while the statement is held */
                settlement: {
                  kind: "refund" | "payment_request" | "none"
                  /** minor units (pence), as a string */
                  amountMinor: string
                } | null
              }
              finalReadings: {
                id: string
                meterPoint: string
                meterSerial: string
                register: string
                /** an ISO 8601 instant in UTC */
                readAt: string
                value: string
                source: "customer" | "smart" | "agent" | "field" | "industry" | "estimated" | "transfer"
                kind: "normal" | "install" | "removal" | "final" | "initial"
                status: "accepted" | "held" | "superseded" | "released" | "discarded"
                reason: string | null
                /** units since the previous actual reading on the register */
                advance: string | null
                isRollover: boolean
              }[]
              newAccount: {
                number: string
                customerName: string
                /** true when opened for "The Occupier" */
                occupier: boolean
                /** a date, YYYY-MM-DD */
                openedOn: string
                meterPoints: {
                  identifier: string
                  tariffCode: string
                }[]
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/move-out": {
    get?: never
    put?: never
    /** Move out: final readings, the final bill and settlement, the account closed on the date, and the next account (named, or "The Occupier") opened there */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            on: string
            finalReadings?: {
              meterPoint: string
              meterSerial: string
              register: string
              value: string
              source?: "customer" | "agent" | "field"
            }[]
            tariffCode?: string
            newOccupant?: {
              name?: string
              title?: string | null
              givenName?: string | null
              familyName?: string | null
              email?: string | null
              phone?: string | null
            } | null
          }
        }
      }
      responses: {
        201: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              closedAccount: {
                number: string
                customerName: string
                status: "closed"
                /** a date, YYYY-MM-DD */
                openedOn: string
                /** a date, YYYY-MM-DD */
                closedOn: string
              }
              finalStatement: {
                number: string
                kind: string
                status: string
                /** an ISO 8601 instant in UTC */
                periodFrom: string
                /** an ISO 8601 instant in UTC */
                periodTo: string
                currency: string
                /** minor units (pence), as a string */
                totalMinor: string
                closingBalanceMinor: string | null
                /** whether the final read of some register was estimated */
                estimated: boolean
                /** false when the account was already billed to the move date */
                created: boolean
                /** the final balance settlement; null while the statement is held */
                settlement: {
                  kind: "refund" | "payment_request" | "none"
                  /** minor units (pence), as a string */
                  amountMinor: string
                } | null
              }
              finalReadings: {
                id: string
                meterPoint: string
                meterSerial: string
                register: string
                /** an ISO 8601 instant in UTC */
                readAt: string
                value: string
                source: "customer" | "smart" | "agent" | "field" | "industry" | "estimated" | "transfer"
                kind: "normal" | "install" | "removal" | "final" | "initial"
                status: "accepted" | "held" | "superseded" | "released" | "discarded"
                reason: string | null
                /** units since the previous actual reading on the register */
                advance: string | null
                isRollover: boolean
              }[]
              newAccount: {
                number: string
                customerName: string
                /** true when opened for "The Occupier" */
                occupier: boolean
                /** a date, YYYY-MM-DD */
                openedOn: string
                meterPoints: {
                  identifier: string
                  tariffCode: string
                }[]
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/notes": {
    /** A page of the account's notes, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number
          cursor?: string
        }
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              items: {
                id: string
                type: "general" | "billing" | "payment" | "service"
                body: string
                /** an ISO 8601 instant in UTC */
                createdAt: string
                author: {
                  /** who wrote it: a staff user, or the system */
                  kind: string
                  id: string | null
                  displayName: string | null
                }
              }[]
              nextCursor: string | null
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    /** Add a note (notes cannot be changed afterwards) */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            type: "general" | "billing" | "payment" | "service"
            body: string
          }
        }
      }
      responses: {
        201: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              note: {
                id: string
                type: "general" | "billing" | "payment" | "service"
                body: string
                /** an ISO 8601 instant in UTC */
                createdAt: string
                author: {
                  /** who wrote it: a staff user, or the system */
                  kind: string
                  id: string | null
                  displayName: string | null
                }
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/payment-methods": {
    get?: never
    put?: never
    /** Keep a card or bank account: only its token, brand and last four digits are stored */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            kind: "card"
            card: {
              number: string
              expiryMonth: number
              expiryYear: number
              cvc: string
              holderName?: string
            }
          } | {
            kind: "bank_account"
            bankAccount: {
              accountNumber: string
              bankCode: string
              holderName: string
            }
          }
        }
      }
      responses: {
        201: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              paymentMethod: {
                id: string
                kind: "card" | "bank_account"
                brand: string
                last4: string
                expiryMonth: number | null
                expiryYear: number | null
                holderName: string | null
                /** an ISO 8601 instant in UTC */
                createdAt: string
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/payment-methods/{paymentMethodId}": {
    get?: never
    put?: never
    post?: never
    /** Stop keeping a payment method */
    delete: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
          paymentMethodId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        204: {
          headers: { [name: string]: unknown }
          content: never
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/payments": {
    /** Payments (newest first, with their events), kept payment methods, Direct Debit, credits and refunds */
    get: {
      parameters: {
        query?: {
          limit?: number
          cursor?: string
        }
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** payments, newest first */
              items: {
                id: string
                /** read back to the customer, like P-7K4M-9QX2 */
                confirmationNumber: string
                method: "card" | "bank_account" | "direct_debit" | "check" | "cash"
                /** "Visa •••• 4242" for cards and bank accounts */
                methodLabel: string | null
                /** minor units (pence), as a string */
                amountMinor: string
                currency: string
                statementId: string | null
                status: "pending" | "succeeded" | "failed" | "returned"
                failure: {
                  code: string
                  message: string
                } | null
                reference: string | null
                source: "staff" | "direct_debit" | "customer"
                /** a date, YYYY-MM-DD */
                takenOn: string
                /** when the money shows on the account */
                postsOn: string
                /** an ISO 8601 instant in UTC */
                createdAt: string
                events: {
                  status: "pending" | "succeeded" | "failed" | "returned"
                  source: "taken" | "processor" | "staff"
                  detail: string | null
                  /** an ISO 8601 instant in UTC */
                  occurredAt: string
                }[]
              }[]
              nextCursor: string | null
              methods: {
                id: string
                kind: "card" | "bank_account"
                brand: string
                last4: string
                expiryMonth: number | null
                expiryYear: number | null
                holderName: string | null
                /** an ISO 8601 instant in UTC */
                createdAt: string
              }[]
              directDebit: {
                id: string
                paymentMethodId: string
                kind: "fixed" | "variable"
                /** the fixed monthly amount; null for a variable Direct Debit */
                amountMinor: string | null
                /** minor units (pence), as a string */
                debtRepaymentMinor: string
                paymentDay: number
                status: "active" | "cancelled"
                /** an ISO 8601 instant in UTC */
                createdAt: string
              } | null
              creditRequests: {
                id: string
                /** in the approvals queue only */
                accountNumber?: string
                kind: "goodwill_credit" | "refund"
                /** minor units (pence), as a string */
                amountMinor: string
                currency: string
                reason: string
                status: "pending_approval" | "completed" | "rejected"
                needsApproval: boolean
                requestedBy: string
                /** an ISO 8601 instant in UTC */
                requestedAt: string
                decidedBy: string | null
                decidedAt: string | null
                decisionNote: string | null
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    /** Take a payment; answers its confirmation number. Send an Idempotency-Key header: a retry with the same key returns the same payment, a different body with it is refused (409) */
    post: {
      parameters: {
        query?: never
        header: {
          "idempotency-key": string
        }
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            method: "card" | "bank_account" | "check" | "cash"
            amountMinor: string
            paymentMethodId?: string
            card?: {
              number: string
              expiryMonth: number
              expiryYear: number
              cvc: string
              holderName?: string
              save?: boolean
            }
            statementNumber?: string
            reference?: string
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              payment: {
                id: string
                /** read back to the customer, like P-7K4M-9QX2 */
                confirmationNumber: string
                method: "card" | "bank_account" | "direct_debit" | "check" | "cash"
                /** "Visa •••• 4242" for cards and bank accounts */
                methodLabel: string | null
                /** minor units (pence), as a string */
                amountMinor: string
                currency: string
                statementId: string | null
                status: "pending" | "succeeded" | "failed" | "returned"
                failure: {
                  code: string
                  message: string
                } | null
                reference: string | null
                source: "staff" | "direct_debit" | "customer"
                /** a date, YYYY-MM-DD */
                takenOn: string
                /** when the money shows on the account */
                postsOn: string
                /** an ISO 8601 instant in UTC */
                createdAt: string
                events: {
                  status: "pending" | "succeeded" | "failed" | "returned"
                  source: "taken" | "processor" | "staff"
                  detail: string | null
                  /** an ISO 8601 instant in UTC */
                  occurredAt: string
                }[]
              }
              /** true when the Idempotency-Key was seen before: the same payment again */
              replayed: boolean
            }
          }
        }
        201: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              payment: {
                id: string
                /** read back to the customer, like P-7K4M-9QX2 */
                confirmationNumber: string
                method: "card" | "bank_account" | "direct_debit" | "check" | "cash"
                /** "Visa •••• 4242" for cards and bank accounts */
                methodLabel: string | null
                /** minor units (pence), as a string */
                amountMinor: string
                currency: string
                statementId: string | null
                status: "pending" | "succeeded" | "failed" | "returned"
                failure: {
                  code: string
                  message: string
                } | null
                reference: string | null
                source: "staff" | "direct_debit" | "customer"
                /** a date, YYYY-MM-DD */
                takenOn: string
                /** when the money shows on the account */
                postsOn: string
                /** an ISO 8601 instant in UTC */
                createdAt: string
                events: {
                  status: "pending" | "succeeded" | "failed" | "returned"
                  source: "taken" | "processor" | "staff"
                  detail: string | null
                  /** an ISO 8601 instant in UTC */
                  occurredAt: string
                }[]
              }
              /** true when the Idempotency-Key was seen before: the same payment again */
              replayed: boolean
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        402: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/payments/{confirmationNumber}/cheque-outcome": {
    get?: never
    put?: never
    /** A pending cheque cleared (succeeded) or bounced (failed: the payment is reversed) */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
          confirmationNumber: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            outcome: "succeeded" | "failed"
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              payment: {
                id: string
                /** read back to the customer, like P-7K4M-9QX2 */
                confirmationNumber: string
                method: "card" | "bank_account" | "direct_debit" | "check" | "cash"
                /** "Visa •••• 4242" for cards and bank accounts */
                methodLabel: string | null
                /** minor units (pence), as a string */
                amountMinor: string
                currency: string
                statementId: string | null
                status: "pending" | "succeeded" | "failed" | "returned"
                failure: {
                  code: string
                  message: string
                } | null
                reference: string | null
                source: "staff" | "direct_debit" | "customer"
                /** a date, YYYY-MM-DD */
                takenOn: string
                /** when the money shows on the account */
                postsOn: string
                /** an ISO 8601 instant in UTC */
                createdAt: string
                events: {
                  status: "pending" | "succeeded" | "failed" | "returned"
                  source: "taken" | "processor" | "staff"
                  detail: string | null
                  /** an ISO 8601 instant in UTC */
                  occurredAt: string
                }[]
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/phone-calls": {
    get?: never
    put?: never
    /** Log a phone call with the customer: direction, number, start, handle time and what was said */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            direction: "inbound" | "outbound"
            phoneNumber?: string | null
            startedAt: string
            handleSeconds: number
            subject?: string
            summary: string
            related?: {
              type: string
              id: string
            }
          }
        }
      }
      responses: {
        201: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              message: {
                id: string
                channel: "email" | "sms" | "letter" | "phone_call"
                direction: "outbound" | "inbound"
                templateKey: string | null
                subject: string | null
                body: string
                /** outbound: the address, number or one-line postal address it went to; inbound: ours, if known */
                recipient: string | null
                /** inbound: the address or number it came from */
                sender: string | null
                status: "queued" | "sent" | "delivered" | "opened" | "clicked" | "failed" | "bounced" | "received" | "completed"
                /** an ISO 8601 instant in UTC */
                statusAt: string
                /** the business record it belongs to */
                related: {
                  type: string
                  id: string
                } | null
                /** phone calls: talk and wrap-up time, in seconds */
                handleSeconds: number | null
                /** when it was written, received, or the call started */
                occurredAt: string
                /** an ISO 8601 instant in UTC */
                createdAt: string
                createdBy: {
                  kind: "staff" | "token" | "customer" | "system"
                  id: string | null
                }
                /** the transport that took it, e.g. 'smtp' or 'outbox' */
                provider: string | null
                /** the transport's own id of the message, when it gave one */
                providerMessageId: string | null
                deliveryAttempts: number
                failureReason: string | null
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/preferences": {
    get?: never
    /** Set billing preferences (paper or paperless) */
    put: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            billingMode: "paperless" | "paper"
          }
        }
      }
      responses: {
        204: {
          headers: { [name: string]: unknown }
          content: never
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/readings": {
    /** A page of the account's register readings, newest first */
    get: {
      parameters: {
        query?: {
          meterPoint?: string
          limit?: number
          cursor?: string
        }
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              items: {
                id: string
                meterPoint: string
                meterSerial: string
                register: string
                /** an ISO 8601 instant in UTC */
                readAt: string
                value: string
                source: "customer" | "smart" | "agent" | "field" | "industry" | "estimated" | "transfer"
                kind: "normal" | "install" | "removal" | "final" | "initial"
                /** held readings wait for review, with their reason */
                status: "accepted" | "held" | "superseded" | "released" | "discarded"
                reason: string | null
                /** units since the previous actual reading on the register, when there is one */
                advance: string | null
                isRollover: boolean
              }[]
              nextCursor: string | null
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    /** Submit a meter reading: refused with the reason, or kept (held for review when doubtful) */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            meterPoint: string
            meterSerial: string
            register: string
            readAt: string
            value: string
            source?: "customer" | "agent" | "field"
          }
        }
      }
      responses: {
        201: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              reading: {
                id: string
                meterPoint: string
                meterSerial: string
                register: string
                /** an ISO 8601 instant in UTC */
                readAt: string
                value: string
                source: "customer" | "smart" | "agent" | "field" | "industry" | "estimated" | "transfer"
                kind: "normal" | "install" | "removal" | "final" | "initial"
                /** held readings wait for review, with their reason */
                status: "accepted" | "held" | "superseded" | "released" | "discarded"
                reason: string | null
                /** units since the previous actual reading on the register, when there is one */
                advance: string | null
                isRollover: boolean
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/refunds": {
    get?: never
    put?: never
    /** Refund an overpayment (never more than the credit balance or what was paid); above the limit it waits for a supervisor */
    post: {
      parameters: {
        query?: never
        header: {
          "idempotency-key": string
        }
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            amountMinor: string
            reason: string
            refundToPaymentMethodId?: string
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              request: {
                id: string
                /** in the approvals queue only */
                accountNumber?: string
                kind: "goodwill_credit" | "refund"
                /** minor units (pence), as a string */
                amountMinor: string
                currency: string
                reason: string
                status: "pending_approval" | "completed" | "rejected"
                needsApproval: boolean
                requestedBy: string
                /** an ISO 8601 instant in UTC */
                requestedAt: string
                decidedBy: string | null
                decidedAt: string | null
                decisionNote: string | null
              }
              /** true when the Idempotency-Key was seen before: the same request again */
              replayed: boolean
            }
          }
        }
        201: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              request: {
                id: string
                /** in the approvals queue only */
                accountNumber?: string
                kind: "goodwill_credit" | "refund"
                /** minor units (pence), as a string */
                amountMinor: string
                currency: string
                reason: string
                status: "pending_approval" | "completed" | "rejected"
                needsApproval: boolean
                requestedBy: string
                /** an ISO 8601 instant in UTC */
                requestedAt: string
                decidedBy: string | null
                decidedAt: string | null
                decisionNote: string | null
              }
              /** true when the Idempotency-Key was seen before: the same request again */
              replayed: boolean
            }
          }
        }
        202: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              request: {
                id: string
                /** in the approvals queue only */
                accountNumber?: string
                kind: "goodwill_credit" | "refund"
                /** minor units (pence), as a string */
                amountMinor: string
                currency: string
                reason: string
                status: "pending_approval" | "completed" | "rejected"
                needsApproval: boolean
                requestedBy: string
                /** an ISO 8601 instant in UTC */
                requestedAt: string
                decidedBy: string | null
                decidedAt: string | null
                decisionNote: string | null
              }
              /** true when the Idempotency-Key was seen before: the same request again */
              replayed: boolean
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/sensitive-details": {
    get?: never
    /** Keep the date of birth, security answer and SSN last four, sealed with the data key (SEC-1); a detail left out keeps the one on file; read back only through the audited export */
    put: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            dateOfBirth?: string
            securityAnswer?: string
            ssnLastFour?: string
          }
        }
      }
      responses: {
        204: {
          headers: { [name: string]: unknown }
          content: never
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/sensitive-details/export": {
    get?: never
    put?: never
    /** Export the sealed date of birth, security answer and SSN last four (SEC-1): supervisors and legal reviewers only, with a reason; every export is audited */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            reason: string
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              accountNumber: string
              dateOfBirth: string | null
              securityAnswer: string | null
              ssnLastFour: string | null
              /** an ISO 8601 instant in UTC */
              exportedAt: string
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/sms-enrolment": {
    /** Whether the customer is enrolled for SMS, and at which number */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              enrolment: {
                enrolled: boolean
                /** national digits, e.g. 07700900123 */
                phoneNumber: string | null
                updatedAt: string | null
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    /** Enrol the customer for SMS at one of the account's numbers (the primary mobile by default), or not */
    put: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            enrolled: boolean
            phoneNumber?: string
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              enrolment: {
                enrolled: boolean
                /** national digits, e.g. 07700900123 */
                phoneNumber: string | null
                updatedAt: string | null
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/statements": {
    /** The account's statements, every version, newest period first */
    get: {
      parameters: {
        query?: {
          limit?: number
          cursor?: string
        }
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              items: {
                id: string
                number: string
                accountId: string
                kind: "periodic" | "final" | "rebill" | "corrected_final"
                status: "held" | "issued" | "rejected" | "superseded" | "uninvoiced" | "invoiced"
                /** an ISO 8601 instant in UTC */
                periodFrom: string
                /** an ISO 8601 instant in UTC */
                periodTo: string
                version: number
                replacesStatementId: string | null
                currency: string
                /** DIRECT_DEBIT or NON_DIRECT_DEBIT */
                paymentMethod: string
                /** minor units (pence), as a string */
                netMinor: string
                /** minor units (pence), as a string */
                vatMinor: string
                /** minor units (pence), as a string */
                totalMinor: string
                /** minor units (pence), as a string */
                writeoffMinor: string
                /** what the statement moved the balance by: the total, less a write-off and what a replaced version charged */
                postedMinor: string
                openingBalanceMinor: string | null
                chargesMinor: string | null
                paymentsMinor: string | null
                creditsMinor: string | null
                adjustmentsMinor: string | null
                closingBalanceMinor: string | null
                dueOn: string | null
                holdReasons: {
                  code: "missing_rates" | "no_agreement" | "negative_consumption" | "charge_far_above_usual" | "estimated_too_long" | "no_reading"
                  message: string
                  /** the technical cause: meter point, exact span, rate kind */
                  detail?: string
                }[]
                explanation: {
                  days: number
                  estimated: boolean
                  usage: {
                    meterPointId: string
                    /** MPAN core or MPRN */
                    identifier: string
                    direction: string
                    /** an exact decimal */
                    kwh: string
                    /** minor units (pence), as a string */
                    energyMinor: string
                    /** minor units (pence), as a string */
                    standingMinor: string
                    standingDays: number
                    /** gas read in volume: how each register advance became kWh */
                    gasConversions?: {
                      /** the register advance, in `volumeUnit` */
                      volume: string
                      /** cubic metres, or hundreds of cubic feet (imperial) */
                      volumeUnit: "m3" | "hcf"
                      /** the volume in m³ (hcf × 2.83) */
                      cubicMetres: string
                      /** volume correction, 1.02264 */
                      correctionFactor: string
                      calorificValueMjPerM3: string
                      /** m³ × correction factor × calorific value ÷ 3.6, to 3 dp */
                      kwh: string
                    }[]
                  }[]
                  backbilling?: {
                    /** a date, YYYY-MM-DD */
                    cutoff: string
                    /** minor units (pence), as a string */
                    oldChargesMinor: string
                    /** minor units (pence), as a string */
                    writeoffMinor: string
                    reason: string
                    /** the supplier's failings that made the back-bill its fault (seed 002) */
                    breaches?: ("not_billed_for_over_a_year" | "rebilled_higher_for_over_a_year" | "adequacy_review_overdue")[]
                  }
                  comparison?: {
                    previousNumber: string
                    previousDays: number
                    /** minor units (pence), as a string */
                    previousNetMinor: string
                    /** minor units (pence), as a string */
                    changeMinor: string
                    /** the part of the change due to using more or less energy */
                    usageEffectMinor: string
                    /** the part due to prices, on this period’s usage */
                    priceEffectMinor: string
                    /** the rest: days of standing charge, and rounding */
                    otherEffectMinor: string
                    summary: string
                  }
                }
                /** an ISO 8601 instant in UTC */
                createdAt: string
                issuedAt: string | null
              }[]
              nextCursor: string | null
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    /** Bill the account now, up to the start of `on` (default today); the same period again returns its statement */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            on?: string
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              statement: {
                id: string
                number: string
                accountId: string
                kind: "periodic" | "final" | "rebill" | "corrected_final"
                status: "held" | "issued" | "rejected" | "superseded" | "uninvoiced" | "invoiced"
                /** an ISO 8601 instant in UTC */
                periodFrom: string
                /** an ISO 8601 instant in UTC */
                periodTo: string
                version: number
                replacesStatementId: string | null
                currency: string
                /** DIRECT_DEBIT or NON_DIRECT_DEBIT */
                paymentMethod: string
                /** minor units (pence), as a string */
                netMinor: string
                /** minor units (pence), as a string */
                vatMinor: string
                /** minor units (pence), as a string */
                totalMinor: string
                /** minor units (pence), as a string */
                writeoffMinor: string
                /** what the statement moved the balance by: the total, less a write-off and what a replaced version charged */
                postedMinor: string
                openingBalanceMinor: string | null
                chargesMinor: string | null
                paymentsMinor: string | null
                creditsMinor: string | null
                adjustmentsMinor: string | null
                closingBalanceMinor: string | null
                dueOn: string | null
                holdReasons: {
                  code: "missing_rates" | "no_agreement" | "negative_consumption" | "charge_far_above_usual" | "estimated_too_long" | "no_reading"
                  message: string
                  /** the technical cause: meter point, exact span, rate kind */
                  detail?: string
                }[]
                explanation: {
                  days: number
                  estimated: boolean
                  usage: {
                    meterPointId: string
                    /** MPAN core or MPRN */
                    identifier: string
                    direction: string
                    /** an exact decimal */
                    kwh: string
                    /** minor units (pence), as a string */
                    energyMinor: string
                    /** minor units (pence), as a string */
                    standingMinor: string
                    standingDays: number
                    /** gas read in volume: how each register advance became kWh */
                    gasConversions?: {
                      /** the register advance, in `volumeUnit` */
                      volume: string
                      /** cubic metres, or hundreds of cubic feet (imperial) */
                      volumeUnit: "m3" | "hcf"
                      /** the volume in m³ (hcf × 2.83) */
                      cubicMetres: string
                      /** volume correction, 1.02264 */
                      correctionFactor: string
                      calorificValueMjPerM3: string
                      /** m³ × correction factor × calorific value ÷ 3.6, to 3 dp */
                      kwh: string
                    }[]
                  }[]
                  backbilling?: {
                    /** a date, YYYY-MM-DD */
                    cutoff: string
                    /** minor units (pence), as a string */
                    oldChargesMinor: string
                    /** minor units (pence), as a string */
                    writeoffMinor: string
                    reason: string
                    /** the supplier's failings that made the back-bill its fault (seed 002) */
                    breaches?: ("not_billed_for_over_a_year" | "rebilled_higher_for_over_a_year" | "adequacy_review_overdue")[]
                  }
                  comparison?: {
                    previousNumber: string
                    previousDays: number
                    /** minor units (pence), as a string */
                    previousNetMinor: string
                    /** minor units (pence), as a string */
                    changeMinor: string
                    /** the part of the change due to using more or less energy */
                    usageEffectMinor: string
                    /** the part due to prices, on this period’s usage */
                    priceEffectMinor: string
                    /** the rest: days of standing charge, and rounding */
                    otherEffectMinor: string
                    summary: string
                  }
                }
                /** an ISO 8601 instant in UTC */
                createdAt: string
                issuedAt: string | null
              }
              /** false when the period was billed already: its statement is returned */
              created: boolean
            }
          }
        }
        201: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              statement: {
                id: string
                number: string
                accountId: string
                kind: "periodic" | "final" | "rebill" | "corrected_final"
                status: "held" | "issued" | "rejected" | "superseded" | "uninvoiced" | "invoiced"
                /** an ISO 8601 instant in UTC */
                periodFrom: string
                /** an ISO 8601 instant in UTC */
                periodTo: string
                version: number
                replacesStatementId: string | null
                currency: string
                /** DIRECT_DEBIT or NON_DIRECT_DEBIT */
                paymentMethod: string
                /** minor units (pence), as a string */
                netMinor: string
                /** minor units (pence), as a string */
                vatMinor: string
                /** minor units (pence), as a string */
                totalMinor: string
                /** minor units (pence), as a string */
                writeoffMinor: string
                /** what the statement moved the balance by: the total, less a write-off and what a replaced version charged */
                postedMinor: string
                openingBalanceMinor: string | null
                chargesMinor: string | null
                paymentsMinor: string | null
                creditsMinor: string | null
                adjustmentsMinor: string | null
                closingBalanceMinor: string | null
                dueOn: string | null
                holdReasons: {
                  code: "missing_rates" | "no_agreement" | "negative_consumption" | "charge_far_above_usual" | "estimated_too_long" | "no_reading"
                  message: string
                  /** the technical cause: meter point, exact span, rate kind */
                  detail?: string
                }[]
                explanation: {
                  days: number
                  estimated: boolean
                  usage: {
                    meterPointId: string
                    /** MPAN core or MPRN */
                    identifier: string
                    direction: string
                    /** an exact decimal */
                    kwh: string
                    /** minor units (pence), as a string */
                    energyMinor: string
                    /** minor units (pence), as a string */
                    standingMinor: string
                    standingDays: number
                    /** gas read in volume: how each register advance became kWh */
                    gasConversions?: {
                      /** the register advance, in `volumeUnit` */
                      volume: string
                      /** cubic metres, or hundreds of cubic feet (imperial) */
                      volumeUnit: "m3" | "hcf"
                      /** the volume in m³ (hcf × 2.83) */
                      cubicMetres: string
                      /** volume correction, 1.02264 */
                      correctionFactor: string
                      calorificValueMjPerM3: string
                      /** m³ × correction factor × calorific value ÷ 3.6, to 3 dp */
                      kwh: string
                    }[]
                  }[]
                  backbilling?: {
                    /** a date, YYYY-MM-DD */
                    cutoff: string
                    /** minor units (pence), as a string */
                    oldChargesMinor: string
                    /** minor units (pence), as a string */
                    writeoffMinor: string
                    reason: string
                    /** the supplier's failings that made the back-bill its fault (seed 002) */
                    breaches?: ("not_billed_for_over_a_year" | "rebilled_higher_for_over_a_year" | "adequacy_review_overdue")[]
                  }
                  comparison?: {
                    previousNumber: string
                    previousDays: number
                    /** minor units (pence), as a string */
                    previousNetMinor: string
                    /** minor units (pence), as a string */
                    changeMinor: string
                    /** the part of the change due to using more or less energy */
                    usageEffectMinor: string
                    /** the part due to prices, on this period’s usage */
                    priceEffectMinor: string
                    /** the rest: days of standing charge, and rounding */
                    otherEffectMinor: string
                    summary: string
                  }
                }
                /** an ISO 8601 instant in UTC */
                createdAt: string
                issuedAt: string | null
              }
              /** false when the period was billed already: its statement is returned */
              created: boolean
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/statements/{number}": {
    /** One statement with its lines, explanation and final settlement */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
          number: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              statement: {
                id: string
                number: string
                accountId: string
                kind: "periodic" | "final" | "rebill" | "corrected_final"
                status: "held" | "issued" | "rejected" | "superseded" | "uninvoiced" | "invoiced"
                /** an ISO 8601 instant in UTC */
                periodFrom: string
                /** an ISO 8601 instant in UTC */
                periodTo: string
                version: number
                replacesStatementId: string | null
                currency: string
                /** DIRECT_DEBIT or NON_DIRECT_DEBIT */
                paymentMethod: string
                /** minor units (pence), as a string */
                netMinor: string
                /** minor units (pence), as a string */
                vatMinor: string
                /** minor units (pence), as a string */
                totalMinor: string
                /** minor units (pence), as a string */
                writeoffMinor: string
                /** what the statement moved the balance by: the total, less a write-off and what a replaced version charged */
                postedMinor: string
                openingBalanceMinor: string | null
                chargesMinor: string | null
                paymentsMinor: string | null
                creditsMinor: string | null
                adjustmentsMinor: string | null
                closingBalanceMinor: string | null
                dueOn: string | null
                holdReasons: {
                  code: "missing_rates" | "no_agreement" | "negative_consumption" | "charge_far_above_usual" | "estimated_too_long" | "no_reading"
                  message: string
                  /** the technical cause: meter point, exact span, rate kind */
                  detail?: string
                }[]
                explanation: {
                  days: number
                  estimated: boolean
                  usage: {
                    meterPointId: string
                    /** MPAN core or MPRN */
                    identifier: string
                    direction: string
                    /** an exact decimal */
                    kwh: string
                    /** minor units (pence), as a string */
                    energyMinor: string
                    /** minor units (pence), as a string */
                    standingMinor: string
                    standingDays: number
                    /** gas read in volume: how each register advance became kWh */
                    gasConversions?: {
                      /** the register advance, in `volumeUnit` */
                      volume: string
                      /** cubic metres, or hundreds of cubic feet (imperial) */
                      volumeUnit: "m3" | "hcf"
                      /** the volume in m³ (hcf × 2.83) */
                      cubicMetres: string
                      /** volume correction, 1.02264 */
                      correctionFactor: string
                      calorificValueMjPerM3: string
                      /** m³ × correction factor × calorific value ÷ 3.6, to 3 dp */
                      kwh: string
                    }[]
                  }[]
                  backbilling?: {
                    /** a date, YYYY-MM-DD */
                    cutoff: string
                    /** minor units (pence), as a string */
                    oldChargesMinor: string
                    /** minor units (pence), as a string */
                    writeoffMinor: string
                    reason: string
                    /** the supplier's failings that made the back-bill its fault (seed 002) */
                    breaches?: ("not_billed_for_over_a_year" | "rebilled_higher_for_over_a_year" | "adequacy_review_overdue")[]
                  }
                  comparison?: {
                    previousNumber: string
                    previousDays: number
                    /** minor units (pence), as a string */
                    previousNetMinor: string
                    /** minor units (pence), as a string */
                    changeMinor: string
                    /** the part of the change due to using more or less energy */
                    usageEffectMinor: string
                    /** the part due to prices, on this period’s usage */
                    priceEffectMinor: string
                    /** the rest: days of standing charge, and rounding */
                    otherEffectMinor: string
                    summary: string
                  }
                }
                /** an ISO 8601 instant in UTC */
                createdAt: string
                issuedAt: string | null
                lines: {
                  position: number
                  identifier: string | null
                  tariffCode: string | null
                  kind: "energy" | "standing_charge" | "export_credit" | "backbilling_writeoff"
                  rateKind: string | null
                  /** an ISO 8601 instant in UTC */
                  from: string
                  /** an ISO 8601 instant in UTC */
                  to: string
                  /** an exact decimal, in `unit` */
                  quantity: string
                  unit: string
                  ratePence: string | null
                  vatPercent: string
                  /** minor units (pence), as a string */
                  amountMinor: string
                  /** where the line came from: half hours counted and estimated, the readings used, a rule */
                  source: {
                    [key: string]: unknown
                  }
                  description: string
                }[]
                settlement: {
                  kind: "refund" | "payment_request" | "none"
                  /** minor units (pence), as a string */
                  amountMinor: string
                } | null
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/statements/{number}/pdf": {
    /** The statement as a PDF; duplicate=true marks it as a duplicate */
    get: {
      parameters: {
        query?: {
          duplicate?: "true" | "false"
        }
        header?: never
        path: {
          accountNumber: string
          number: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/pdf": string
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/status": {
    /** The status colour (green, yellow, red, gray), computed from rules, with its reasons */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              colour: "green" | "yellow" | "red" | "gray"
              reasons: {
                colour: "green" | "yellow" | "red" | "gray"
                code: string
                /** for people, e.g. "£231.68 past due since 1 October 2026" */
                detail: string
                /** minor units (pence), as a string */
                amountMinor?: string
                /** a date, YYYY-MM-DD */
                on?: string
                reference?: string
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/timeline": {
    /** The account's timeline, newest first by when each thing happened for the business (a statement's issue, a payment's taking, a reading's read time, a message's sending or receipt, a case's opening): statements, payments and credits, meter readings (one item per meter point per read day), messages, notes, account changes, cases and visits, each told in a sentence. Each kind is shown only to a role that may call that kind's own route (statements need billing.statement.read, payments payments.history.read, readings metering.usage.read, messages comms.message.read, cases cases.case.read, visits field.appointment.read; a change needs the permission of what it changed); a kind asked for in `kinds` that the role may not see is left out, not refused. */
    get: {
      parameters: {
        query?: {
          kinds?: string
          before?: string
          limit?: number
        }
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              items: {
                kind: "statement" | "payment" | "reading" | "message" | "note" | "change" | "case" | "visit"
                /** an ISO 8601 instant in UTC: when it happened for the business, which orders the feed */
                at: string
                title: string
                summary: string
                /** the record the item is about, to open it by its own route */
                reference: {
                  type: string
                  id: string
                  number?: string
                }
                status?: string
                /** for statements, payments, credits and refunds */
                amountMinor?: string
              }[]
              nextCursor: string | null
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/usage": {
    /** Half-hourly, daily, weekly or monthly usage of one meter point between local dates [from, to) */
    get: {
      parameters: {
        query: {
          meterPoint: string
          from: string
          to: string
          granularity?: "halfhour" | "day" | "week" | "month"
        }
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              meterPoint: string
              direction: "import" | "export"
              granularity: "halfhour" | "day" | "week" | "month"
              timeZone: string
              unit: "kWh"
              /** a date, YYYY-MM-DD */
              from: string
              /** exclusive */
              to: string
              /** kWh, an exact decimal string */
              totalKwh: string
              /** buckets with no data are left out */
              items: {
                /** an ISO 8601 instant in UTC */
                start: string
                /** an ISO 8601 instant in UTC */
                end: string
                /** the bucket's local start date, with ' P<n>' (settlement period) for half hours */
                label: string
                /** kWh, an exact decimal string */
                kwh: string
                /** half hours with data in the bucket */
                intervals: number
                /** estimated half hours in the bucket */
                estimated: number
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/users": {
    /** Who may use the account: its holder, authorized users (full, limited), property managers, attorneys (with legal review), third parties (scope, end); each with level, since, relationship and who added them. Audited as a view */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              accountNumber: string
              items: {
                userId: string | null
                displayName: string
                email: string | null
                kind: "holder" | "authorized_full" | "authorized_limited" | "property_manager" | "power_of_attorney" | "third_party"
                level: string
                status: "active" | "pending_approval"
                since: string
                validTo: string | null
                scope: string[]
                relationship: string | null
                addedBy: {
                  kind: string
                  id: string
                  displayName: string | null
                } | null
                poaDocument: {
                  id: string
                  status: string
                  reviewedAt: string | null
                } | null
                portalLogin: boolean
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/verification-questions": {
    /** The questions for this caller on this account, from the account's market: those the agent ticks as passed or failed, and those the caller answers and the server compares with what is on file (a Great Britain account is never asked for an SSN) */
    get: {
      parameters: {
        query?: {
          caller?: "holder" | "authorized_user" | "property_manager" | "power_of_attorney" | "third_party"
        }
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              market: "gb" | "us"
              caller: "holder" | "authorized_user" | "property_manager" | "power_of_attorney" | "third_party"
              callers: ("holder" | "authorized_user" | "property_manager" | "power_of_attorney" | "third_party")[]
              ticked: string[]
              answered: string[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/verifications": {
    get?: never
    put?: never
    /** Record how a caller did on the questions for who they say they are (holder, authorized user, property manager, attorney, third party) in the account's market; the security answer, SSN last four, date of birth, the caller's own email and an authorized user's relationship are given as answers and compared with what is on file (only matched or not comes back); an email request needs the sender's address, which must be on file for that caller; nothing about the account is shown unless they passed */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            channel?: "phone" | "email" | "in_person" | "chat"
            caller?: "holder" | "authorized_user" | "property_manager" | "power_of_attorney" | "third_party"
            senderEmail?: string
            passed: string[]
            failed: string[]
            answers?: {
              security_answer?: string
              ssn_last_four?: string
              date_of_birth?: string
              caller_email?: string
              relationship?: string
            }
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              outcome: "passed" | "failed"
              caller: "holder" | "authorized_user" | "property_manager" | "power_of_attorney" | "third_party"
              /** why the caller failed when it is not a wrong answer (the sender, no such person) */
              reason: string | null
              /** true when this failure flagged the account for supervisor review */
              flaggedForReview: boolean
              /** each answer given (and sender_email on the email channel), compared with what is on file */
              answers: {
                [key: string]: "matched" | "did_not_match" | "not_on_file"
              }
              account: {
                number: string
                name: string
                status: string
              } | null
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/vulnerabilities": {
    get?: never
    put?: never
    /** Add a Priority Services Register need (with consent) or a vulnerability, with a review date */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            register: "psr" | "vulnerable"
            category: string
            consentGiven: boolean
            consentOn?: string
            reviewOn?: string
            note?: string
          }
        }
      }
      responses: {
        201: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              vulnerability: {
                id: string
                register: "psr" | "vulnerable"
                category: string
                consentGiven: boolean
                consentOn: string | null
                reviewOn: string | null
                note: string | null
                /** an ISO 8601 instant in UTC */
                createdAt: string
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/accounts/{accountNumber}/vulnerabilities/{id}": {
    get?: never
    put?: never
    post?: never
    /** Take a PSR need or vulnerability off the account (kept in its history) */
    delete: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        204: {
          headers: { [name: string]: unknown }
          content: never
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/approvals": {
    /** Credits and refunds over the limit, and business Direct Debits over the threshold, waiting for approval */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              credits: {
                id: string
                /** in the approvals queue only */
                accountNumber?: string
                kind: "goodwill_credit" | "refund"
                /** minor units (pence), as a string */
                amountMinor: string
                currency: string
                reason: string
                status: "pending_approval" | "completed" | "rejected"
                needsApproval: boolean
                requestedBy: string
                /** an ISO 8601 instant in UTC */
                requestedAt: string
                decidedBy: string | null
                decidedAt: string | null
                decisionNote: string | null
              }[]
              directDebits: {
                id: string
                accountNumber: string
                /** a date, YYYY-MM-DD */
                collectOn: string
                /** minor units (pence), as a string */
                amountMinor: string
                /** minor units (pence), as a string */
                thresholdMinor: string
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/approvals/credits/{requestId}": {
    get?: never
    put?: never
    /** Approve or reject a credit or refund waiting for approval (never your own) */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          requestId: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            approve: boolean
            note?: string
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              request: {
                id: string
                /** in the approvals queue only */
                accountNumber?: string
                kind: "goodwill_credit" | "refund"
                /** minor units (pence), as a string */
                amountMinor: string
                currency: string
                reason: string
                status: "pending_approval" | "completed" | "rejected"
                needsApproval: boolean
                requestedBy: string
                /** an ISO 8601 instant in UTC */
                requestedAt: string
                decidedBy: string | null
                decidedAt: string | null
                decisionNote: string | null
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/approvals/direct-debits/{collectionId}": {
    get?: never
    put?: never
    /** Approve (collect) or reject a business Direct Debit over the threshold */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          collectionId: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            approve: boolean
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              outcome: "collected" | "nothing_due" | "failed" | "awaiting_approval" | "rejected"
              /** the payment collected, when approved */
              paymentId: string | null
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/audit/activity": {
    /** One staff user's activity, newest first, each event with its group (sign_in, account_view, change, payment, message) and account number; userId is the user's id or email; from..to are local dates, both included (AUD-2). Audited. */
    get: {
      parameters: {
        query: {
          userId: string
          limit?: number
          cursor?: string
          from?: string
          to?: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              user: {
                id: string
                email: string
                displayName: string
                role: string
              }
              /** the first local date, YYYY-MM-DD */
              from: string | null
              /** the last local date (included), YYYY-MM-DD */
              to: string | null
              timeZone: string
              items: {
                /** the position in the audit chain, as a string */
                seq: string
                id: string
                /** an ISO 8601 instant in UTC */
                occurredAt: string
                actorKind: string
                actorId: string | null
                /** `<module>.<noun>.<verb in the past>` */
                action: string
                subjectType: string
                subjectId: string
                accountId: string | null
                accountNumber: string | null
                before: unknown
                after: unknown
                context: {
                  [key: string]: unknown
                }
                kind: "sign_in" | "account_view" | "change" | "payment" | "message"
              }[]
              nextCursor: string | null
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/audit/verify": {
    /** Walk the audit hash chain and report the first broken link */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              ok: true
              checked: number
              lastHash: string
            } | {
              ok: false
              checked: number
              /** the first event whose link does not hold */
              brokenAtSeq: string
              eventId: string
              reason: "content_changed" | "link_broken"
              message: string
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/brand": {
    /** The supplier's name, currency, locale and time zone, for the web app */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Brand"]
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/cases": {
    /** The case queues: with me, my team, unassigned, or any; by status and type; newest first */
    get: {
      parameters: {
        query?: {
          assignee?: "me" | "team" | "unassigned" | "any"
          status?: string
          type?: string
          limit?: number
          cursor?: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              items: {
                id: string
                /** the reference given to the customer, like C-00000042 */
                number: string
                accountId: string
                accountNumber: string
                type: "billing_dispute" | "service_request" | "complaint_escalation" | "meter_test_request" | "account_investigation"
                priority: "low" | "normal" | "high" | "urgent"
                status: "open" | "in_progress" | "waiting_on_customer" | "resolved" | "closed"
                /** an ISO 8601 instant in UTC */
                statusAt: string
                subject: string
                description: string
                assignee: {
                  kind: "user"
                  userId: string
                } | {
                  kind: "team"
                  team: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer" | "pricing_analyst"
                } | {
                  kind: "none"
                }
                /** an ISO 8601 instant in UTC */
                openedAt: string
                openedBy: {
                  kind: string
                  id: string
                }
                resolvedAt: string | null
                resolvedById: string | null
                resolutionNote: string | null
                /** resolvedAt − openedAt in whole seconds, once resolved */
                resolutionSeconds: number | null
              }[]
              nextCursor: string | null
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/cases/{caseRef}": {
    /** One case with its notes, attachments (without their bytes) and history */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          caseRef: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              id: string
              /** the reference given to the customer, like C-00000042 */
              number: string
              accountId: string
              accountNumber: string
              type: "billing_dispute" | "service_request" | "complaint_escalation" | "meter_test_request" | "account_investigation"
              priority: "low" | "normal" | "high" | "urgent"
              status: "open" | "in_progress" | "waiting_on_customer" | "resolved" | "closed"
              /** an ISO 8601 instant in UTC */
              statusAt: string
              subject: string
              description: string
              assignee: {
                kind: "user"
                userId: string
              } | {
                kind: "team"
                team: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer" | "pricing_analyst"
              } | {
                kind: "none"
              }
              /** an ISO 8601 instant in UTC */
              openedAt: string
              openedBy: {
                kind: string
                id: string
              }
              resolvedAt: string | null
              resolvedById: string | null
              resolutionNote: string | null
              /** resolvedAt − openedAt in whole seconds, once resolved */
              resolutionSeconds: number | null
              notes: {
                id: string
                caseId: string
                body: string
                /** an ISO 8601 instant in UTC */
                createdAt: string
                createdBy: {
                  kind: string
                  id: string
                }
              }[]
              attachments: {
                id: string
                caseId: string
                fileName: string
                contentType: "application/pdf" | "image/png" | "image/jpeg" | "text/plain"
                sizeBytes: number
                /** the SHA-256 of the bytes, hex */
                sha256: string
                /** an ISO 8601 instant in UTC */
                uploadedAt: string
                uploadedBy: {
                  kind: string
                  id: string
                }
              }[]
              history: {
                id: string
                kind: "opened" | "status_changed" | "assigned" | "priority_changed"
                from: string | null
                to: string | null
                detail: string | null
                /** an ISO 8601 instant in UTC */
                occurredAt: string
                actor: {
                  kind: string
                  id: string
                }
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/cases/{caseRef}/assignment": {
    get?: never
    put?: never
    /** Assign a case to a staff user or a team, or unassign it; reassigning needs cases.case.reassign (supervisors) */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          caseRef: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            assignee: {
              kind: "user"
              userId: string
            } | {
              kind: "team"
              team: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer" | "pricing_analyst"
            } | {
              kind: "none"
            }
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              id: string
              /** the reference given to the customer, like C-00000042 */
              number: string
              accountId: string
              type: "billing_dispute" | "service_request" | "complaint_escalation" | "meter_test_request" | "account_investigation"
              priority: "low" | "normal" | "high" | "urgent"
              status: "open" | "in_progress" | "waiting_on_customer" | "resolved" | "closed"
              /** an ISO 8601 instant in UTC */
              statusAt: string
              subject: string
              description: string
              assignee: {
                kind: "user"
                userId: string
              } | {
                kind: "team"
                team: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer" | "pricing_analyst"
              } | {
                kind: "none"
              }
              /** an ISO 8601 instant in UTC */
              openedAt: string
              openedBy: {
                kind: string
                id: string
              }
              resolvedAt: string | null
              resolvedById: string | null
              resolutionNote: string | null
              /** resolvedAt − openedAt in whole seconds, once resolved */
              resolutionSeconds: number | null
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/cases/{caseRef}/attachments": {
    get?: never
    put?: never
    /** Attach a file: PDF, PNG, JPEG or plain text, at most 5 MB, as base64; the type is checked from the bytes */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          caseRef: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            fileName: string
            contentType?: string
            contentBase64: string
          }
        }
      }
      responses: {
        201: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              id: string
              caseId: string
              fileName: string
              contentType: "application/pdf" | "image/png" | "image/jpeg" | "text/plain"
              sizeBytes: number
              /** the SHA-256 of the bytes, hex */
              sha256: string
              /** an ISO 8601 instant in UTC */
              uploadedAt: string
              uploadedBy: {
                kind: string
                id: string
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        413: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/cases/{caseRef}/attachments/{attachmentId}": {
    /** Download an attachment: its bytes with its content type */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          caseRef: string
          attachmentId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/pdf": string
            "image/png": string
            "image/jpeg": string
            "text/plain": string
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/cases/{caseRef}/notes": {
    get?: never
    put?: never
    /** Add a note to a case (notes are never changed) */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          caseRef: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            body: string
          }
        }
      }
      responses: {
        201: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              id: string
              caseId: string
              body: string
              /** an ISO 8601 instant in UTC */
              createdAt: string
              createdBy: {
                kind: string
                id: string
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/cases/{caseRef}/priority": {
    get?: never
    put?: never
    /** Change a case's priority */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          caseRef: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            priority: "low" | "normal" | "high" | "urgent"
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              id: string
              /** the reference given to the customer, like C-00000042 */
              number: string
              accountId: string
              type: "billing_dispute" | "service_request" | "complaint_escalation" | "meter_test_request" | "account_investigation"
              priority: "low" | "normal" | "high" | "urgent"
              status: "open" | "in_progress" | "waiting_on_customer" | "resolved" | "closed"
              /** an ISO 8601 instant in UTC */
              statusAt: string
              subject: string
              description: string
              assignee: {
                kind: "user"
                userId: string
              } | {
                kind: "team"
                team: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer" | "pricing_analyst"
              } | {
                kind: "none"
              }
              /** an ISO 8601 instant in UTC */
              openedAt: string
              openedBy: {
                kind: string
                id: string
              }
              resolvedAt: string | null
              resolvedById: string | null
              resolutionNote: string | null
              /** resolvedAt − openedAt in whole seconds, once resolved */
              resolutionSeconds: number | null
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/cases/{caseRef}/resolve": {
    get?: never
    put?: never
    /** Resolve a case with its resolution note */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          caseRef: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            resolutionNote: string
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              id: string
              /** the reference given to the customer, like C-00000042 */
              number: string
              accountId: string
              type: "billing_dispute" | "service_request" | "complaint_escalation" | "meter_test_request" | "account_investigation"
              priority: "low" | "normal" | "high" | "urgent"
              status: "open" | "in_progress" | "waiting_on_customer" | "resolved" | "closed"
              /** an ISO 8601 instant in UTC */
              statusAt: string
              subject: string
              description: string
              assignee: {
                kind: "user"
                userId: string
              } | {
                kind: "team"
                team: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer" | "pricing_analyst"
              } | {
                kind: "none"
              }
              /** an ISO 8601 instant in UTC */
              openedAt: string
              openedBy: {
                kind: string
                id: string
              }
              resolvedAt: string | null
              resolvedById: string | null
              resolutionNote: string | null
              /** resolvedAt − openedAt in whole seconds, once resolved */
              resolutionSeconds: number | null
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/cases/{caseRef}/status": {
    get?: never
    put?: never
    /** Move a case: open, in_progress, waiting_on_customer, resolved, closed (resolved and closed need a note); 409 names what may follow */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          caseRef: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            status: "open" | "in_progress" | "waiting_on_customer" | "resolved" | "closed"
            note?: string
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              id: string
              /** the reference given to the customer, like C-00000042 */
              number: string
              accountId: string
              type: "billing_dispute" | "service_request" | "complaint_escalation" | "meter_test_request" | "account_investigation"
              priority: "low" | "normal" | "high" | "urgent"
              status: "open" | "in_progress" | "waiting_on_customer" | "resolved" | "closed"
              /** an ISO 8601 instant in UTC */
              statusAt: string
              subject: string
              description: string
              assignee: {
                kind: "user"
                userId: string
              } | {
                kind: "team"
                team: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer" | "pricing_analyst"
              } | {
                kind: "none"
              }
              /** an ISO 8601 instant in UTC */
              openedAt: string
              openedBy: {
                kind: string
                id: string
              }
              resolvedAt: string | null
              resolvedById: string | null
              resolutionNote: string | null
              /** resolvedAt − openedAt in whole seconds, once resolved */
              resolutionSeconds: number | null
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/collections/run": {
    get?: never
    put?: never
    /** Run the dunning schedule now for a date (the daily job does this); safe to repeat */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            on: string
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** a date, YYYY-MM-DD */
              on: string
              /** accounts past due looked at */
              looked: number
              /** how many accounts had each outcome */
              outcomes: {
                [key: string]: number
              }
              failed: number
              /** the first 100 accounts that failed, with why */
              problems: {
                id: string
                code: string
                message: string
              }[]
              /** notices queued for delivery, sent after the run */
              messagesQueued: number
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/collections/worklist": {
    /** Accounts past due, most overdue first, with their last step, protections and arrangement */
    get: {
      parameters: {
        query?: {
          limit?: number
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** a date, YYYY-MM-DD */
              on: string
              items: {
                accountId: string
                accountNumber: string
                name: string
                /** minor units (pence), as a string */
                pastDueMinor: string
                /** minor units (pence), as a string */
                balanceMinor: string
                /** a date, YYYY-MM-DD */
                oldestPastDueOn: string
                daysPastDue: number
                /** the last dunning step taken, e.g. final_notice */
                lastAction: string | null
                lastActionAt: string | null
                /** psr, vulnerable */
                protectedBy: string[]
                /** an active payment arrangement */
                arrangement: boolean
                /** an active billing dispute pauses dunning */
                disputed: boolean
                disconnectionPending: boolean
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/dashboard": {
    /** My dashboard: cases with me and my team, pending tasks, recently viewed accounts, my volumes today */
    get: {
      parameters: {
        query?: {
          limit?: number
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              cases: {
                assignedToMe: {
                  items: {
                    id: string
                    /** the reference given to the customer, like C-00000042 */
                    number: string
                    accountId: string
                    accountNumber: string
                    type: "billing_dispute" | "service_request" | "complaint_escalation" | "meter_test_request" | "account_investigation"
                    priority: "low" | "normal" | "high" | "urgent"
                    status: "open" | "in_progress" | "waiting_on_customer" | "resolved" | "closed"
                    /** an ISO 8601 instant in UTC */
                    statusAt: string
                    subject: string
                    description: string
                    assignee: {
                      kind: "user"
                      userId: string
                    } | {
                      kind: "team"
                      team: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer" | "pricing_analyst"
                    } | {
                      kind: "none"
                    }
                    /** an ISO 8601 instant in UTC */
                    openedAt: string
                    openedBy: {
                      kind: string
                      id: string
                    }
                    resolvedAt: string | null
                    resolvedById: string | null
                    resolutionNote: string | null
                    /** resolvedAt − openedAt in whole seconds, once resolved */
                    resolutionSeconds: number | null
                  }[]
                  nextCursor: string | null
                }
                assignedToMyTeam: {
                  items: {
                    id: string
                    /** the reference given to the customer, like C-00000042 */
                    number: string
                    accountId: string
                    accountNumber: string
                    type: "billing_dispute" | "service_request" | "complaint_escalation" | "meter_test_request" | "account_investigation"
                    priority: "low" | "normal" | "high" | "urgent"
                    status: "open" | "in_progress" | "waiting_on_customer" | "resolved" | "closed"
                    /** an ISO 8601 instant in UTC */
                    statusAt: string
                    subject: string
                    description: string
                    assignee: {
                      kind: "user"
                      userId: string
                    } | {
                      kind: "team"
                      team: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer" | "pricing_analyst"
                    } | {
                      kind: "none"
                    }
                    /** an ISO 8601 instant in UTC */
                    openedAt: string
                    openedBy: {
                      kind: string
                      id: string
                    }
                    resolvedAt: string | null
                    resolvedById: string | null
                    resolutionNote: string | null
                    /** resolvedAt − openedAt in whole seconds, once resolved */
                    resolutionSeconds: number | null
                  }[]
                  nextCursor: string | null
                }
                unassigned: {
                  items: {
                    id: string
                    /** the reference given to the customer, like C-00000042 */
                    number: string
                    accountId: string
                    accountNumber: string
                    type: "billing_dispute" | "service_request" | "complaint_escalation" | "meter_test_request" | "account_investigation"
                    priority: "low" | "normal" | "high" | "urgent"
                    status: "open" | "in_progress" | "waiting_on_customer" | "resolved" | "closed"
                    /** an ISO 8601 instant in UTC */
                    statusAt: string
                    subject: string
                    description: string
                    assignee: {
                      kind: "user"
                      userId: string
                    } | {
                      kind: "team"
                      team: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer" | "pricing_analyst"
                    } | {
                      kind: "none"
                    }
                    /** an ISO 8601 instant in UTC */
                    openedAt: string
                    openedBy: {
                      kind: string
                      id: string
                    }
                    resolvedAt: string | null
                    resolvedById: string | null
                    resolutionNote: string | null
                    /** resolvedAt − openedAt in whole seconds, once resolved */
                    resolutionSeconds: number | null
                  }[]
                  nextCursor: string | null
                }
              } | null
              pendingTasks: {
                heldStatements: {
                  id: string
                  number: string
                  accountId: string
                  kind: "periodic" | "final" | "rebill" | "corrected_final"
                  status: "held" | "issued" | "rejected" | "superseded" | "uninvoiced" | "invoiced"
                  /** an ISO 8601 instant in UTC */
                  periodFrom: string
                  /** an ISO 8601 instant in UTC */
                  periodTo: string
                  version: number
                  replacesStatementId: string | null
                  currency: string
                  /** DIRECT_DEBIT or NON_DIRECT_DEBIT */
                  paymentMethod: string
                  /** minor units (pence), as a string */
                  netMinor: string
                  /** minor units (pence), as a string */
                  vatMinor: string
                  /** minor units (pence), as a string */
                  totalMinor: string
                  /** minor units (pence), as a string */
                  writeoffMinor: string
                  /** what the statement moved the balance by: the total, less a write-off and what a replaced version charged */
                  postedMinor: string
                  openingBalanceMinor: string | null
                  chargesMinor: string | null
                  paymentsMinor: string | null
                  creditsMinor: string | null
                  adjustmentsMinor: string | null
                  closingBalanceMinor: string | null
                  dueOn: string | null
                  holdReasons: {
                    code: "missing_rates" | "no_agreement" | "negative_consumption" | "charge_far_above_usual" | "estimated_too_long" | "no_reading"
                    message: string
                    /** the technical cause: meter point, exact span, rate kind */
                    detail?: string
                  }[]
                  explanation: {
                    days: number
                    estimated: boolean
                    usage: {
                      meterPointId: string
                      /** MPAN core or MPRN */
                      identifier: string
                      direction: string
                      /** an exact decimal */
                      kwh: string
                      /** minor units (pence), as a string */
                      energyMinor: string
                      /** minor units (pence), as a string */
                      standingMinor: string
                      standingDays: number
                      /** gas read in volume: how each register advance became kWh */
                      gasConversions?: {
                        /** the register advance, in `volumeUnit` */
                        volume: string
                        /** cubic metres, or hundreds of cubic feet (imperial) */
                        volumeUnit: "m3" | "hcf"
                        /** the volume in m³ (hcf × 2.83) */
                        cubicMetres: string
                        /** volume correction, 1.02264 */
                        correctionFactor: string
                        calorificValueMjPerM3: string
                        /** m³ × correction factor × calorific value ÷ 3.6, to 3 dp */
                        kwh: string
                      }[]
                    }[]
                    backbilling?: {
                      /** a date, YYYY-MM-DD */
                      cutoff: string
                      /** minor units (pence), as a string */
                      oldChargesMinor: string
                      /** minor units (pence), as a string */
                      writeoffMinor: string
                      reason: string
                      /** the supplier's failings that made the back-bill its fault (seed 002) */
                      breaches?: ("not_billed_for_over_a_year" | "rebilled_higher_for_over_a_year" | "adequacy_review_overdue")[]
                    }
                    comparison?: {
                      previousNumber: string
                      previousDays: number
                      /** minor units (pence), as a string */
                      previousNetMinor: string
                      /** minor units (pence), as a string */
                      changeMinor: string
                      /** the part of the change due to using more or less energy */
                      usageEffectMinor: string
                      /** the part due to prices, on this period’s usage */
                      priceEffectMinor: string
                      /** the rest: days of standing charge, and rounding */
                      otherEffectMinor: string
                      summary: string
                    }
                  }
                  /** an ISO 8601 instant in UTC */
                  createdAt: string
                  issuedAt: string | null
                  accountNumber: string
                }[] | null
                creditApprovals: {
                  id: string
                  accountId: string
                  accountNumber?: string
                  kind: "goodwill_credit" | "refund"
                  /** minor units (pence), as a string */
                  amountMinor: string
                  currency: string
                  reason: string
                  status: "pending_approval" | "completed" | "rejected"
                  needsApproval: boolean
                  requestedBy: string
                  /** an ISO 8601 instant in UTC */
                  requestedAt: string
                  decidedBy: string | null
                  decidedAt: string | null
                  decisionNote: string | null
                }[] | null
                casesWaiting: {
                  id: string
                  /** the reference given to the customer, like C-00000042 */
                  number: string
                  accountId: string
                  accountNumber: string
                  type: "billing_dispute" | "service_request" | "complaint_escalation" | "meter_test_request" | "account_investigation"
                  priority: "low" | "normal" | "high" | "urgent"
                  status: "open" | "in_progress" | "waiting_on_customer" | "resolved" | "closed"
                  /** an ISO 8601 instant in UTC */
                  statusAt: string
                  subject: string
                  description: string
                  assignee: {
                    kind: "user"
                    userId: string
                  } | {
                    kind: "team"
                    team: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer" | "pricing_analyst"
                  } | {
                    kind: "none"
                  }
                  /** an ISO 8601 instant in UTC */
                  openedAt: string
                  openedBy: {
                    kind: string
                    id: string
                  }
                  resolvedAt: string | null
                  resolvedById: string | null
                  resolutionNote: string | null
                  /** resolvedAt − openedAt in whole seconds, once resolved */
                  resolutionSeconds: number | null
                }[] | null
              }
              recentAccounts: {
                accountNumber: string
                displayName: string
                /** an ISO 8601 instant in UTC */
                viewedAt: string
              }[] | null
              today: {
                /** a date, YYYY-MM-DD */
                date: string
                currency: string
                calls: number
                /** null when there were no calls */
                averageHandleSeconds: number | null
                messagesSent: number
                paymentsTaken: number
                /** minor units (pence), as a string */
                paymentsTakenMinor: string
                casesOpened: number
                casesResolved: number
                /** cases resolved over cases opened, 0..1; null when none opened */
                closureRate: number | null
                meanResolutionSeconds: number | null
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/documents/{number}/issue": {
    get?: never
    put?: never
    /** Issue an invoice or credit note to the customer: its charges or credits are posted */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          number: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              document: {
                id: string
                number: string
                accountId: string
                kind: "invoice" | "credit_note"
                status: "unissued" | "issued"
                currency: string
                /** minor units (pence), as a string */
                totalMinor: string
                needsPaymentApproval: boolean
                dueOn: string | null
                /** an ISO 8601 instant in UTC */
                createdAt: string
                issuedAt: string | null
                statementNumbers: string[]
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/dynamic-prices": {
    get?: never
    put?: never
    /** Load Agile's half-hourly prices from a day-ahead CSV (columns product, region, date, period, value_exc_vat and/or value_inc_vat): each region's day whole, before it begins, never replaced; dryRun checks and saves nothing (200), a load answers 201. Audited */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            csv: string
            dryRun?: boolean
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              loaded: number
              days: {
                tariffCode: string
                region: string
                /** a date, YYYY-MM-DD */
                date: string
                /** 46, 48 or 50 on clock-change days */
                periods: number
                lowestIncVat: string
                highestIncVat: string
              }[]
            }
          }
        }
        201: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              loaded: number
              days: {
                tariffCode: string
                region: string
                /** a date, YYYY-MM-DD */
                date: string
                /** 46, 48 or 50 on clock-change days */
                periods: number
                lowestIncVat: string
                highestIncVat: string
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/escalated-cases": {
    /** Escalated cases across all accounts (complaint escalations and urgent cases), newest first */
    get: {
      parameters: {
        query?: {
          status?: string
          limit?: number
          cursor?: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              items: {
                id: string
                /** the reference given to the customer, like C-00000042 */
                number: string
                accountId: string
                accountNumber: string
                type: "billing_dispute" | "service_request" | "complaint_escalation" | "meter_test_request" | "account_investigation"
                priority: "low" | "normal" | "high" | "urgent"
                status: "open" | "in_progress" | "waiting_on_customer" | "resolved" | "closed"
                /** an ISO 8601 instant in UTC */
                statusAt: string
                subject: string
                description: string
                assignee: {
                  kind: "user"
                  userId: string
                } | {
                  kind: "team"
                  team: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer" | "pricing_analyst"
                } | {
                  kind: "none"
                }
                /** an ISO 8601 instant in UTC */
                openedAt: string
                openedBy: {
                  kind: string
                  id: string
                }
                resolvedAt: string | null
                resolvedById: string | null
                resolutionNote: string | null
                /** resolvedAt − openedAt in whole seconds, once resolved */
                resolutionSeconds: number | null
              }[]
              nextCursor: string | null
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/escalated-cases/{caseRef}": {
    /** One escalated case with its notes, attachments (without their bytes) and history; 404 for any other */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          caseRef: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              id: string
              /** the reference given to the customer, like C-00000042 */
              number: string
              accountId: string
              accountNumber: string
              type: "billing_dispute" | "service_request" | "complaint_escalation" | "meter_test_request" | "account_investigation"
              priority: "low" | "normal" | "high" | "urgent"
              status: "open" | "in_progress" | "waiting_on_customer" | "resolved" | "closed"
              /** an ISO 8601 instant in UTC */
              statusAt: string
              subject: string
              description: string
              assignee: {
                kind: "user"
                userId: string
              } | {
                kind: "team"
                team: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer" | "pricing_analyst"
              } | {
                kind: "none"
              }
              /** an ISO 8601 instant in UTC */
              openedAt: string
              openedBy: {
                kind: string
                id: string
              }
              resolvedAt: string | null
              resolvedById: string | null
              resolutionNote: string | null
              /** resolvedAt − openedAt in whole seconds, once resolved */
              resolutionSeconds: number | null
              notes: {
                id: string
                caseId: string
                body: string
                /** an ISO 8601 instant in UTC */
                createdAt: string
                createdBy: {
                  kind: string
                  id: string
                }
              }[]
              attachments: {
                id: string
                caseId: string
                fileName: string
                contentType: "application/pdf" | "image/png" | "image/jpeg" | "text/plain"
                sizeBytes: number
                /** the SHA-256 of the bytes, hex */
                sha256: string
                /** an ISO 8601 instant in UTC */
                uploadedAt: string
                uploadedBy: {
                  kind: string
                  id: string
                }
              }[]
              history: {
                id: string
                kind: "opened" | "status_changed" | "assigned" | "priority_changed"
                from: string | null
                to: string | null
                detail: string | null
                /** an ISO 8601 instant in UTC */
                occurredAt: string
                actor: {
                  kind: string
                  id: string
                }
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/message-templates": {
    /** The message templates: their channels, merge fields and the permission each is sent under */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              items: {
                key: "payment_reminder" | "final_notice" | "disconnection_notice" | "debt_collection_referral" | "payment_arrangement_terms" | "appointment_confirmation" | "rate_change_notice" | "price_change_notice" | "dispute_acknowledgement" | "authorised_user_invitation" | "account_user_notice" | "statement_issued" | "general_message" | "welcome"
                title: string
                category: "service" | "collections"
                channels: ("email" | "sms" | "letter")[]
                /** the permissions staff may send it under (any one) */
                sentUnder: string[]
                /** the recipient is someone other than the customer, given by the caller */
                recipientGiven: boolean
                subject: string
                /** the email and letter text */
                body: string
                /** the SMS text; null when it is not sent by SMS */
                sms: string | null
                fields: {
                  name: string
                  kind: "text" | "money" | "date" | "count"
                  description: string
                }[]
                /** the fields filled from the account and the supplier */
                accountFields: string[]
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/meter-points/{exportMpan}/export": {
    get?: never
    put?: never
    /** Configure export: link an export MPAN to its import MPAN (export specialists only) */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          exportMpan: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            importMpan: string
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              exportMpan: string
              importMpan: string
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/poa-documents": {
    /** Power-of-attorney documents waiting for legal review */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              items: {
                id: string
                accountNumber: string
                grantId: string
                attorney: {
                  email: string
                  displayName: string
                }
                /** what was uploaded or seen: the document's name and what came with it */
                description: string
                /** an ISO 8601 instant in UTC */
                submittedAt: string
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/poa-documents/{documentId}/decision": {
    get?: never
    put?: never
    /** Approve (the attorney gets access) or reject a power-of-attorney document */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          documentId: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            decision: "approve" | "reject"
            note?: string
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              id: string
              /** approved or rejected */
              status: string
              grantId: string
              /** the attorney's access after the decision: active or revoked */
              grantStatus: string
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/portal/accounts/{accountNumber}": {
    /** One of my accounts: name, address, balance, status, my access */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              accountNumber: string
              name: string
              /** the supply address on one line */
              address: string
              /** positive: the customer owes; negative: in credit; null when their access shows no money */
              balanceMinor: string | null
              /** active or closed */
              status: string
              /** how this person is attached to the account */
              kind: "holder" | "authorized_full" | "authorized_limited" | "property_manager" | "power_of_attorney" | "third_party"
              /** what this person may do on the account; each portal screen is shown only when its action is here */
              allows: ("view_bills" | "view_usage" | "view_payments" | "pay" | "update_contact" | "manage_users" | "contact_service" | "bulk_statements" | "tenant_requests" | "change_billing_preferences" | "replace_primary_email" | "submit_readings")[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/portal/accounts/{accountNumber}/contact": {
    /** My contact details and preferences (needs update_contact) */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** the primary email */
              email: string | null
              /** the primary phone */
              phone: string | null
              billingMode: "paper" | "paperless"
              /** where the post goes; null: the service address */
              billingAddress: {
                line1: string
                line2: string | null
                town: string
                postcode: string
              } | null
              smsEnrolled: boolean
              /** the fields this person may change; billing preferences and address and the primary email are the holder's */
              editable: ("phone" | "smsEnrolled" | "billingMode" | "billingAddress" | "email")[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    /** Change my email, phone, paper or paperless billing, billing address, SMS (needs update_contact; billing is the holder’s) */
    patch: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            email?: string
            phone?: string
            billingMode?: "paper" | "paperless"
            billingAddress?: {
              line1: string
              line2: string | null
              town: string
              postcode: string
            } | null
            smsEnrolled?: boolean
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** the primary email */
              email: string | null
              /** the primary phone */
              phone: string | null
              billingMode: "paper" | "paperless"
              /** where the post goes; null: the service address */
              billingAddress: {
                line1: string
                line2: string | null
                town: string
                postcode: string
              } | null
              smsEnrolled: boolean
              /** the fields this person may change; billing preferences and address and the primary email are the holder's */
              editable: ("phone" | "smsEnrolled" | "billingMode" | "billingAddress" | "email")[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    trace?: never
  }
  "/api/portal/accounts/{accountNumber}/messages": {
    /** My messages with the supplier on this account and their replies, oldest first (needs contact_service) */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              items: {
                id: string
                from: "customer" | "supplier"
                subject: string | null
                body: string
                /** an ISO 8601 instant in UTC */
                at: string
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    /** Write to the supplier (needs contact_service): arrives as an inbound email on the account, answered by an agent */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            subject: string
            body: string
          }
        }
      }
      responses: {
        201: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              items: {
                id: string
                from: "customer" | "supplier"
                subject: string | null
                body: string
                /** an ISO 8601 instant in UTC */
                at: string
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/portal/accounts/{accountNumber}/payments": {
    /** My payments and kept payment methods (needs view_payments) */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              items: {
                /** read back to the customer */
                confirmationNumber: string
                method: "card" | "bank_account" | "direct_debit" | "check" | "cash"
                /** "Visa •••• 4242" for cards and bank accounts */
                methodLabel: string | null
                /** minor units (pence), as a string */
                amountMinor: string
                currency: string
                status: "pending" | "succeeded" | "failed" | "returned"
                /** why it failed */
                failure: {
                  code: string
                  message: string
                } | null
                /** a date, YYYY-MM-DD */
                takenOn: string
                /** when the money shows on the account */
                postsOn: string
                /** an ISO 8601 instant in UTC */
                createdAt: string
              }[]
              methods: {
                /** give it as paymentMethodId to pay with it */
                id: string
                kind: "card" | "bank_account"
                brand: string
                last4: string
                expiryMonth: number | null
                expiryYear: number | null
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    /** Pay (needs pay): a card entered now or a kept method; send an Idempotency-Key header */
    post: {
      parameters: {
        query?: never
        header: {
          "idempotency-key": string
        }
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            amountMinor: string
            card?: {
              number: string
              expiryMonth: number
              expiryYear: number
              cvc: string
              holderName?: string
            }
            paymentMethodId?: string
            /** a statement to pay against; without one, the balance */
            statementNumber?: string
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              payment: {
                /** read back to the customer */
                confirmationNumber: string
                method: "card" | "bank_account" | "direct_debit" | "check" | "cash"
                /** "Visa •••• 4242" for cards and bank accounts */
                methodLabel: string | null
                /** minor units (pence), as a string */
                amountMinor: string
                currency: string
                status: "pending" | "succeeded" | "failed" | "returned"
                /** why it failed */
                failure: {
                  code: string
                  message: string
                } | null
                /** a date, YYYY-MM-DD */
                takenOn: string
                /** when the money shows on the account */
                postsOn: string
                /** an ISO 8601 instant in UTC */
                createdAt: string
              }
              /** true when this Idempotency-Key was already used: the first answer again (200) */
              replayed: boolean
            }
          }
        }
        201: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              payment: {
                /** read back to the customer */
                confirmationNumber: string
                method: "card" | "bank_account" | "direct_debit" | "check" | "cash"
                /** "Visa •••• 4242" for cards and bank accounts */
                methodLabel: string | null
                /** minor units (pence), as a string */
                amountMinor: string
                currency: string
                status: "pending" | "succeeded" | "failed" | "returned"
                /** why it failed */
                failure: {
                  code: string
                  message: string
                } | null
                /** a date, YYYY-MM-DD */
                takenOn: string
                /** when the money shows on the account */
                postsOn: string
                /** an ISO 8601 instant in UTC */
                createdAt: string
              }
              /** true when this Idempotency-Key was already used: the first answer again (200) */
              replayed: boolean
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        402: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              error: {
                code: "PAYMENT_DECLINED"
                message: string
                details: {
                  payment: {
                    /** read back to the customer */
                    confirmationNumber: string
                    method: "card" | "bank_account" | "direct_debit" | "check" | "cash"
                    /** "Visa •••• 4242" for cards and bank accounts */
                    methodLabel: string | null
                    /** minor units (pence), as a string */
                    amountMinor: string
                    currency: string
                    status: "pending" | "succeeded" | "failed" | "returned"
                    /** why it failed */
                    failure: {
                      code: string
                      message: string
                    } | null
                    /** a date, YYYY-MM-DD */
                    takenOn: string
                    /** when the money shows on the account */
                    postsOn: string
                    /** an ISO 8601 instant in UTC */
                    createdAt: string
                  }
                }
              }
            }
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/portal/accounts/{accountNumber}/readings": {
    get?: never
    put?: never
    /** Give a meter reading (needs submit_readings): checked as staff readings are; a refusal names the field and why */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            meterPoint: string
            meterSerial: string
            register: string
            /** what the meter shows, e.g. 12345 or 12345.6 */
            value: string
            /** when the meter showed it; now when not given */
            readAt?: string
          }
        }
      }
      responses: {
        201: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              meterPoint: string
              meterSerial: string
              register: string
              /** an ISO 8601 instant in UTC */
              readAt: string
              value: string
              status: "accepted" | "held" | "superseded" | "released" | "discarded"
              /** why a held reading is being checked */
              reason: string | null
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/portal/accounts/{accountNumber}/statements": {
    /** My bills (needs view_bills) */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              items: {
                number: string
                /** the start of the billed period */
                periodFrom: string
                /** the end of the billed period (exclusive) */
                periodTo: string
                /** minor units (pence), as a string */
                totalMinor: string
                /** what is left to pay of it: the balance owed laid on the newest statements first (payments pay the oldest first); 0 when paid */
                unpaidMinor: string
                dueOn: string | null
                status: "held" | "issued" | "rejected" | "superseded" | "uninvoiced" | "invoiced"
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/portal/accounts/{accountNumber}/statements/{number}/pdf": {
    /** One bill as a PDF (needs view_bills) */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
          number: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/pdf": string
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/portal/accounts/{accountNumber}/supplies": {
    /** My supplies: meters with their registers, and the tariff each is on with its rates (needs view_bills) */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** whether this person may give meter readings (submit_readings) */
              canSubmitReadings: boolean
              items: {
                /** MPAN or MPRN */
                identifier: string
                fuel: "electricity" | "gas"
                direction: "import" | "export"
                meters: {
                  serial: string
                  type: "smart" | "traditional" | "prepayment"
                  registers: {
                    identifier: string
                    rate: "standard" | "day" | "night" | "peak" | "off_peak" | "export"
                    /** the dial digits before the decimal point */
                    digits: number
                  }[]
                }[]
                /** null when the supply is on no tariff today */
                tariff: {
                  code: string
                  productCode: string
                  /** the product, as the customer chose it */
                  productName: string
                  /** an ISO 8601 instant in UTC */
                  since: string
                  /** when a fixed term ends; null for a variable tariff */
                  termEndsAt: string | null
                  paymentMethod: "DIRECT_DEBIT" | "NON_DIRECT_DEBIT"
                  /** pence a day, inc VAT */
                  standingCharge: string | null
                  unitRates: {
                    name: "standard" | "day" | "night"
                    /** pence a kWh, inc VAT */
                    incVat: string
                  }[]
                } | null
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/portal/accounts/{accountNumber}/tenant-requests": {
    get?: never
    put?: never
    /** Ask for a tenant's supply to start (move in) or stop (move out), within 90 days of today (needs tenant_requests); becomes a case */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            kind: "move_in"
            tenantName: string
            tenantEmail: string
            moveInOn: string
            openingReading?: string
            note?: string
          } | {
            kind: "move_out"
            moveOutOn: string
            closingReading?: string
            note?: string
          }
        }
      }
      responses: {
        201: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              caseNumber: string
              accountNumber: string
              address: string
              kind: "move_in" | "move_out"
              /** the move date */
              on: string | null
              /** the case's status */
              status: "open" | "in_progress" | "waiting_on_customer" | "resolved" | "closed"
              /** an ISO 8601 instant in UTC */
              statusAt: string
              /** an ISO 8601 instant in UTC */
              openedAt: string
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/portal/accounts/{accountNumber}/usage": {
    /** My usage by day, week or month (needs view_usage); the last 30 days by default */
    get: {
      parameters: {
        query?: {
          granularity?: "day" | "week" | "month"
          from?: string
          to?: string
          meterPoint?: string
        }
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** the meter point shown */
              meterPoint: string
              /** the account's meter points, to choose from */
              meterPoints: string[]
              direction: "import" | "export"
              fuel: "electricity" | "gas"
              /** kWh as a decimal string */
              totalKwh: string
              /** buckets with no data are left out */
              items: {
                /** an ISO 8601 instant in UTC */
                start: string
                /** an ISO 8601 instant in UTC */
                end: string
                /** the bucket's local start date, YYYY-MM-DD */
                label: string
                /** kWh, an exact decimal string */
                kwh: string
                /** half hours with data in the bucket */
                intervals: number
                /** estimated half hours in the bucket */
                estimated: number
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/portal/accounts/{accountNumber}/users": {
    /** Who can use this account (needs manage_users) */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              id: string
              email: string
              displayName: string
              /** how this person is attached to the account */
              kind: "holder" | "authorized_full" | "authorized_limited" | "property_manager" | "power_of_attorney" | "third_party"
              status: "active" | "pending_approval" | "revoked" | "expired"
              /** when their access ends; null when open-ended */
              validTo: string | null
              /** their relationship to the account holder */
              relationship: string | null
            }[]
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/portal/accounts/{accountNumber}/users/invitations": {
    get?: never
    put?: never
    /** Invite an authorized user by email (needs manage_users); the email is sent at once */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            email: string
            level: "full" | "limited"
            name?: string
            relationship?: string
          }
        }
      }
      responses: {
        201: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              invitationId: string
              email: string
              /** an ISO 8601 instant in UTC */
              expiresAt: string
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/portal/accounts/{accountNumber}/users/{userId}": {
    get?: never
    put?: never
    post?: never
    /** Remove an authorized user (needs manage_users) */
    delete: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
          userId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        204: {
          headers: { [name: string]: unknown }
          content: never
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    options?: never
    head?: never
    /** Change an authorized user's level (needs manage_users) */
    patch: {
      parameters: {
        query?: never
        header?: never
        path: {
          accountNumber: string
          userId: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            level: "full" | "limited"
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** the user */
              id: string
              /** how this person is attached to the account */
              kind: "holder" | "authorized_full" | "authorized_limited" | "property_manager" | "power_of_attorney" | "third_party"
              status: "active" | "pending_approval" | "revoked" | "expired"
              validTo: string | null
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    trace?: never
  }
  "/api/portal/invitations/{token}/accept": {
    get?: never
    put?: never
    /** Accept an invitation: create my login (or use my existing one) and sign in */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          token: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            displayName: string
            password: string
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              user: {
                id: string
                email: string
                displayName: string
              }
              accounts: {
                accountNumber: string
                name: string
                /** the supply address on one line */
                address: string
                /** how this person is attached to the account */
                kind: "holder" | "authorized_full" | "authorized_limited" | "property_manager" | "power_of_attorney" | "third_party"
                /** what this person may do on the account; each portal screen is shown only when its action is here */
                allows: ("view_bills" | "view_usage" | "view_payments" | "pay" | "update_contact" | "manage_users" | "contact_service" | "bulk_statements" | "tenant_requests" | "change_billing_preferences" | "replace_primary_email" | "submit_readings")[]
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        429: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/portal/me": {
    /** The signed-in customer and their accounts */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              user: {
                id: string
                email: string
                displayName: string
              }
              accounts: {
                accountNumber: string
                name: string
                /** the supply address on one line */
                address: string
                /** how this person is attached to the account */
                kind: "holder" | "authorized_full" | "authorized_limited" | "property_manager" | "power_of_attorney" | "third_party"
                /** what this person may do on the account; each portal screen is shown only when its action is here */
                allows: ("view_bills" | "view_usage" | "view_payments" | "pay" | "update_contact" | "manage_users" | "contact_service" | "bulk_statements" | "tenant_requests" | "change_billing_preferences" | "replace_primary_email" | "submit_readings")[]
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/portal/portfolio": {
    /** A property manager's accounts with their balances */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              items: {
                accountNumber: string
                name: string
                address: string
                /** active or closed */
                status: string
                /** positive: owed; negative: in credit */
                balanceMinor: string
                /** what this person may do on the account; each portal screen is shown only when its action is here */
                allows: ("view_bills" | "view_usage" | "view_payments" | "pay" | "update_contact" | "manage_users" | "contact_service" | "bulk_statements" | "tenant_requests" | "change_billing_preferences" | "replace_primary_email" | "submit_readings")[]
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/portal/portfolio/statements.zip": {
    /** A property manager's statements in one ZIP of PDFs: each account's latest, or every one issued in `month` */
    get: {
      parameters: {
        query?: {
          month?: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/zip": string
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/portal/portfolio/tenant-requests": {
    /** A property manager's tenant start/stop requests with each case's status */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              items: {
                caseNumber: string
                accountNumber: string
                address: string
                kind: "move_in" | "move_out"
                /** the move date */
                on: string | null
                /** the case's status */
                status: "open" | "in_progress" | "waiting_on_customer" | "resolved" | "closed"
                /** an ISO 8601 instant in UTC */
                statusAt: string
                /** an ISO 8601 instant in UTC */
                openedAt: string
              }[]
              nextCursor: string | null
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/portal/session": {
    get?: never
    put?: never
    /** Customer sign-in (sets the httpOnly cuttle_portal cookie); answers the user and their accounts */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            email: string
            password: string
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              user: {
                id: string
                email: string
                displayName: string
              }
              accounts: {
                accountNumber: string
                name: string
                /** the supply address on one line */
                address: string
                /** how this person is attached to the account */
                kind: "holder" | "authorized_full" | "authorized_limited" | "property_manager" | "power_of_attorney" | "third_party"
                /** what this person may do on the account; each portal screen is shown only when its action is here */
                allows: ("view_bills" | "view_usage" | "view_payments" | "pay" | "update_contact" | "manage_users" | "contact_service" | "bulk_statements" | "tenant_requests" | "change_billing_preferences" | "replace_primary_email" | "submit_readings")[]
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        429: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    /** Customer sign-out */
    delete: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        204: {
          headers: { [name: string]: unknown }
          content: never
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/portal/session/probe": {
    /** Who is signed in to the portal on this browser, if anyone: as GET /portal/me, or null */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              me: {
                user: {
                  id: string
                  email: string
                  displayName: string
                }
                accounts: {
                  accountNumber: string
                  name: string
                  address: string
                  kind: "holder" | "authorized_full" | "authorized_limited" | "property_manager" | "power_of_attorney" | "third_party"
                  allows: ("view_bills" | "view_usage" | "view_payments" | "pay" | "update_contact" | "manage_users" | "contact_service" | "bulk_statements" | "tenant_requests" | "change_billing_preferences" | "replace_primary_email" | "submit_readings")[]
                }[]
              } | null
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/price-cap-levels": {
    get?: never
    put?: never
    /** Load a price cap's levels (CSV: region, fuel, register, payment_method, kind, value_exc_vat and/or value_inc_vat; no product column) for the variable products that follow it: they become those products' next prices, as a price change submitted for a second analyst's approval (201); dryRun answers the diff and saves nothing (200) */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            /** the start of the cap period; must be in the future */
            effectiveDate: string
            csv: string
            /** the variable products that follow the cap */
            products: string[]
            note?: string
            dryRun?: boolean
            /** submit or approve a rise at shorter notice than the market's, saying why (audited) */
            overrideNotice?: {
              reason: string
            }
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** an ISO 8601 instant in UTC */
              effectiveFrom: string
              prices: {
                /** the line of the CSV (the header is line 1) */
                line: number
                tariffCode: string
                productCode: string
                region: string
                fuel: string
                registerKind: string
                kind: "standard_unit" | "day_unit" | "night_unit" | "off_peak_unit" | "peak_unit" | "dynamic_unit" | "standing_charge"
                paymentMethod: ("DIRECT_DEBIT" | "NON_DIRECT_DEBIT") | null
                valueExcVat: string
                valueIncVat: string
                /** the price in force before the change; null for a new price */
                oldExcVat: string | null
                oldIncVat: string | null
              }[]
              summary: {
                up: number
                down: number
                same: number
                new: number
              }
              notice: {
                /** the import tariffs whose unit rate or standing charge rises: their customers get notice */
                risingTariffs: string[]
                /** the market's notice of a rise in days (gb: 30); null for none */
                noticeDays: number | null
                /** a date, YYYY-MM-DD */
                decidedOn: string
                /** the earliest effective date a rise decided today may take */
                earliestDate: string | null
                /** the date leaves too little notice: submitting or approving needs overrideNotice */
                tooShort: boolean
              }
            }
          }
        }
        201: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              priceChange: {
                id: string
                number: string
                status: "draft" | "pending_approval" | "published" | "rejected"
                /** a date, YYYY-MM-DD */
                effectiveDate: string
                /** an ISO 8601 instant in UTC */
                effectiveFrom: string
                note: string
                prices: {
                  /** the line of the CSV (the header is line 1) */
                  line: number
                  tariffCode: string
                  productCode: string
                  region: string
                  fuel: string
                  registerKind: string
                  kind: "standard_unit" | "day_unit" | "night_unit" | "off_peak_unit" | "peak_unit" | "dynamic_unit" | "standing_charge"
                  paymentMethod: ("DIRECT_DEBIT" | "NON_DIRECT_DEBIT") | null
                  valueExcVat: string
                  valueIncVat: string
                  /** the price in force before the change; null for a new price */
                  oldExcVat: string | null
                  oldIncVat: string | null
                }[]
                summary: {
                  up: number
                  down: number
                  same: number
                  new: number
                }
                createdBy: {
                  kind: string
                  id: string | null
                  name: string | null
                }
                /** an ISO 8601 instant in UTC */
                createdAt: string
                submittedAt: string | null
                decidedBy: {
                  kind: string
                  id: string | null
                  name: string | null
                } | null
                decidedAt: string | null
                decisionNote: string | null
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/price-changes": {
    /** The newest price changes (at most 100), optionally of one status */
    get: {
      parameters: {
        query?: {
          status?: "draft" | "pending_approval" | "published" | "rejected"
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              items: {
                id: string
                number: string
                status: "draft" | "pending_approval" | "published" | "rejected"
                /** a date, YYYY-MM-DD */
                effectiveDate: string
                /** an ISO 8601 instant in UTC */
                effectiveFrom: string
                note: string
                prices: {
                  /** the line of the CSV (the header is line 1) */
                  line: number
                  tariffCode: string
                  productCode: string
                  region: string
                  fuel: string
                  registerKind: string
                  kind: "standard_unit" | "day_unit" | "night_unit" | "off_peak_unit" | "peak_unit" | "dynamic_unit" | "standing_charge"
                  paymentMethod: ("DIRECT_DEBIT" | "NON_DIRECT_DEBIT") | null
                  valueExcVat: string
                  valueIncVat: string
                  /** the price in force before the change; null for a new price */
                  oldExcVat: string | null
                  oldIncVat: string | null
                }[]
                summary: {
                  up: number
                  down: number
                  same: number
                  new: number
                }
                createdBy: {
                  kind: string
                  id: string | null
                  name: string | null
                }
                /** an ISO 8601 instant in UTC */
                createdAt: string
                submittedAt: string | null
                decidedBy: {
                  kind: string
                  id: string | null
                  name: string | null
                } | null
                decidedAt: string | null
                decisionNote: string | null
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    /** Upload a price change as CSV (columns product, region, fuel, register, payment_method, kind, value_exc_vat and/or value_inc_vat): every row is checked and priced against the prices in force. dryRun answers the diff and saves nothing (200); otherwise it is saved as a draft, or with submit for approval (201) */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            /** prices change from the start of this local date; must be in the future */
            effectiveDate: string
            csv: string
            note?: string
            dryRun?: boolean
            submit?: boolean
            /** submit or approve a rise at shorter notice than the market's, saying why (audited) */
            overrideNotice?: {
              reason: string
            }
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** an ISO 8601 instant in UTC */
              effectiveFrom: string
              prices: {
                /** the line of the CSV (the header is line 1) */
                line: number
                tariffCode: string
                productCode: string
                region: string
                fuel: string
                registerKind: string
                kind: "standard_unit" | "day_unit" | "night_unit" | "off_peak_unit" | "peak_unit" | "dynamic_unit" | "standing_charge"
                paymentMethod: ("DIRECT_DEBIT" | "NON_DIRECT_DEBIT") | null
                valueExcVat: string
                valueIncVat: string
                /** the price in force before the change; null for a new price */
                oldExcVat: string | null
                oldIncVat: string | null
              }[]
              summary: {
                up: number
                down: number
                same: number
                new: number
              }
              notice: {
                /** the import tariffs whose unit rate or standing charge rises: their customers get notice */
                risingTariffs: string[]
                /** the market's notice of a rise in days (gb: 30); null for none */
                noticeDays: number | null
                /** a date, YYYY-MM-DD */
                decidedOn: string
                /** the earliest effective date a rise decided today may take */
                earliestDate: string | null
                /** the date leaves too little notice: submitting or approving needs overrideNotice */
                tooShort: boolean
              }
            }
          }
        }
        201: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              priceChange: {
                id: string
                number: string
                status: "draft" | "pending_approval" | "published" | "rejected"
                /** a date, YYYY-MM-DD */
                effectiveDate: string
                /** an ISO 8601 instant in UTC */
                effectiveFrom: string
                note: string
                prices: {
                  /** the line of the CSV (the header is line 1) */
                  line: number
                  tariffCode: string
                  productCode: string
                  region: string
                  fuel: string
                  registerKind: string
                  kind: "standard_unit" | "day_unit" | "night_unit" | "off_peak_unit" | "peak_unit" | "dynamic_unit" | "standing_charge"
                  paymentMethod: ("DIRECT_DEBIT" | "NON_DIRECT_DEBIT") | null
                  valueExcVat: string
                  valueIncVat: string
                  /** the price in force before the change; null for a new price */
                  oldExcVat: string | null
                  oldIncVat: string | null
                }[]
                summary: {
                  up: number
                  down: number
                  same: number
                  new: number
                }
                createdBy: {
                  kind: string
                  id: string | null
                  name: string | null
                }
                /** an ISO 8601 instant in UTC */
                createdAt: string
                submittedAt: string | null
                decidedBy: {
                  kind: string
                  id: string | null
                  name: string | null
                } | null
                decidedAt: string | null
                decisionNote: string | null
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/price-changes/notice-rule": {
    /** The market's notice of a price rise: its days, and the earliest effective date a rise submitted or approved today may take without an override */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              noticeDays: number | null
              /** a date, YYYY-MM-DD */
              decidedOn: string
              earliestDate: string | null
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/price-changes/{id}": {
    /** One price change with its diff */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              priceChange: {
                id: string
                number: string
                status: "draft" | "pending_approval" | "published" | "rejected"
                /** a date, YYYY-MM-DD */
                effectiveDate: string
                /** an ISO 8601 instant in UTC */
                effectiveFrom: string
                note: string
                prices: {
                  /** the line of the CSV (the header is line 1) */
                  line: number
                  tariffCode: string
                  productCode: string
                  region: string
                  fuel: string
                  registerKind: string
                  kind: "standard_unit" | "day_unit" | "night_unit" | "off_peak_unit" | "peak_unit" | "dynamic_unit" | "standing_charge"
                  paymentMethod: ("DIRECT_DEBIT" | "NON_DIRECT_DEBIT") | null
                  valueExcVat: string
                  valueIncVat: string
                  /** the price in force before the change; null for a new price */
                  oldExcVat: string | null
                  oldIncVat: string | null
                }[]
                summary: {
                  up: number
                  down: number
                  same: number
                  new: number
                }
                createdBy: {
                  kind: string
                  id: string | null
                  name: string | null
                }
                /** an ISO 8601 instant in UTC */
                createdAt: string
                submittedAt: string | null
                decidedBy: {
                  kind: string
                  id: string | null
                  name: string | null
                } | null
                decidedAt: string | null
                decisionNote: string | null
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/price-changes/{id}/approve": {
    get?: never
    put?: never
    /** Approve another analyst's price change (four-eyes): its prices are published at once as new rate versions from its effective date, and every customer on a tariff whose prices rise is sent a notice (price_change_notice, email or letter). A rise needs the market's notice (gb: an effective date 30 days after today or later) unless overrideNotice says why; audited, and fixed afterwards */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            note?: string
            /** submit or approve a rise at shorter notice than the market's, saying why (audited) */
            overrideNotice?: {
              reason: string
            }
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              priceChange: {
                id: string
                number: string
                status: "draft" | "pending_approval" | "published" | "rejected"
                /** a date, YYYY-MM-DD */
                effectiveDate: string
                /** an ISO 8601 instant in UTC */
                effectiveFrom: string
                note: string
                prices: {
                  /** the line of the CSV (the header is line 1) */
                  line: number
                  tariffCode: string
                  productCode: string
                  region: string
                  fuel: string
                  registerKind: string
                  kind: "standard_unit" | "day_unit" | "night_unit" | "off_peak_unit" | "peak_unit" | "dynamic_unit" | "standing_charge"
                  paymentMethod: ("DIRECT_DEBIT" | "NON_DIRECT_DEBIT") | null
                  valueExcVat: string
                  valueIncVat: string
                  /** the price in force before the change; null for a new price */
                  oldExcVat: string | null
                  oldIncVat: string | null
                }[]
                summary: {
                  up: number
                  down: number
                  same: number
                  new: number
                }
                createdBy: {
                  kind: string
                  id: string | null
                  name: string | null
                }
                /** an ISO 8601 instant in UTC */
                createdAt: string
                submittedAt: string | null
                decidedBy: {
                  kind: string
                  id: string | null
                  name: string | null
                } | null
                decidedAt: string | null
                decisionNote: string | null
              }
              notices: {
                risingTariffs: string[]
                /** one notice per account on a rising tariff at the effective date */
                queued: number
                emailed: number
                posted: number
                failed: {
                  accountNumber: string
                  reason: string
                }[]
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/price-changes/{id}/reject": {
    get?: never
    put?: never
    /** Reject a price change waiting for approval, or withdraw your own, saying why; nothing is published */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            note: string
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              priceChange: {
                id: string
                number: string
                status: "draft" | "pending_approval" | "published" | "rejected"
                /** a date, YYYY-MM-DD */
                effectiveDate: string
                /** an ISO 8601 instant in UTC */
                effectiveFrom: string
                note: string
                prices: {
                  /** the line of the CSV (the header is line 1) */
                  line: number
                  tariffCode: string
                  productCode: string
                  region: string
                  fuel: string
                  registerKind: string
                  kind: "standard_unit" | "day_unit" | "night_unit" | "off_peak_unit" | "peak_unit" | "dynamic_unit" | "standing_charge"
                  paymentMethod: ("DIRECT_DEBIT" | "NON_DIRECT_DEBIT") | null
                  valueExcVat: string
                  valueIncVat: string
                  /** the price in force before the change; null for a new price */
                  oldExcVat: string | null
                  oldIncVat: string | null
                }[]
                summary: {
                  up: number
                  down: number
                  same: number
                  new: number
                }
                createdBy: {
                  kind: string
                  id: string | null
                  name: string | null
                }
                /** an ISO 8601 instant in UTC */
                createdAt: string
                submittedAt: string | null
                decidedBy: {
                  kind: string
                  id: string | null
                  name: string | null
                } | null
                decidedAt: string | null
                decisionNote: string | null
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/price-changes/{id}/submit": {
    get?: never
    put?: never
    /** Submit your draft price change for a second pricing analyst to approve; a rise needs the market's notice (gb: an effective date 30 days after today or later) unless overrideNotice says why */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            /** submit or approve a rise at shorter notice than the market's, saying why (audited) */
            overrideNotice?: {
              reason: string
            }
          } | null
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              priceChange: {
                id: string
                number: string
                status: "draft" | "pending_approval" | "published" | "rejected"
                /** a date, YYYY-MM-DD */
                effectiveDate: string
                /** an ISO 8601 instant in UTC */
                effectiveFrom: string
                note: string
                prices: {
                  /** the line of the CSV (the header is line 1) */
                  line: number
                  tariffCode: string
                  productCode: string
                  region: string
                  fuel: string
                  registerKind: string
                  kind: "standard_unit" | "day_unit" | "night_unit" | "off_peak_unit" | "peak_unit" | "dynamic_unit" | "standing_charge"
                  paymentMethod: ("DIRECT_DEBIT" | "NON_DIRECT_DEBIT") | null
                  valueExcVat: string
                  valueIncVat: string
                  /** the price in force before the change; null for a new price */
                  oldExcVat: string | null
                  oldIncVat: string | null
                }[]
                summary: {
                  up: number
                  down: number
                  same: number
                  new: number
                }
                createdBy: {
                  kind: string
                  id: string | null
                  name: string | null
                }
                /** an ISO 8601 instant in UTC */
                createdAt: string
                submittedAt: string | null
                decidedBy: {
                  kind: string
                  id: string | null
                  name: string | null
                } | null
                decidedAt: string | null
                decisionNote: string | null
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/products": {
    /** Every product of the catalogue by code, future and withdrawn ones included, with its tariff count */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              items: {
                code: string
                displayName: string
                direction: string
                structure: string
                isVariable: boolean
                term: number | null
                /** an ISO 8601 instant in UTC */
                availableFrom: string
                availableTo: string | null
                tariffCount: number
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    /** Create a product with its tariffs in every GSP region (or those given) and their first prices from availableFrom; audited */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            /** capitals, digits and hyphens: 'FIX-12M-26-01' */
            code: string
            direction: "IMPORT" | "EXPORT"
            fullName: string
            displayName: string
            description?: string
            isVariable: boolean
            isGreen?: boolean
            isTracker?: boolean
            isPrepay?: boolean
            isBusiness?: boolean
            isRestricted?: boolean
            /** months; required for a fixed product */
            term: number | null
            /** on a half hour; the first prices start here */
            availableFrom: string
            availableTo?: string | null
            brand: string
            /** single (fixed, variable), day_night, time_of_use (Go, Flux), dynamic (Agile), intelligent, export (Outgoing) */
            structure: "single" | "day_night" | "time_of_use" | "dynamic" | "intelligent" | "export"
            /** defaults to 5 domestic, 20 business, 0 export */
            vatPercent?: string
            /** per fuel; required (0 for none) on a fixed product */
            exitFeeMinor?: string
            /** the existing other half of a Flux pair */
            pairedProductCode?: string | null
            supplies: {
              fuel: "electricity" | "gas"
              registerKind: "1R" | "2R"
            }[]
            /** all 14 GSP regions when absent */
            regions?: ("_A" | "_B" | "_C" | "_D" | "_E" | "_F" | "_G" | "_H" | "_J" | "_K" | "_L" | "_M" | "_N" | "_P")[]
            bands?: {
              rateKind: "standard_unit" | "day_unit" | "night_unit" | "off_peak_unit" | "peak_unit"
              startTime: string
              endTime: string
              timeZone: "Europe/London" | "UTC"
              validFrom: string
              validTo?: string | null
            }[]
            rates: {
              fuel: "electricity" | "gas"
              registerKind?: "1R" | "2R"
              /** every region of the product when absent */
              region?: "_A" | "_B" | "_C" | "_D" | "_E" | "_F" | "_G" | "_H" | "_J" | "_K" | "_L" | "_M" | "_N" | "_P"
              kind: "standard_unit" | "day_unit" | "night_unit" | "off_peak_unit" | "peak_unit" | "dynamic_unit" | "standing_charge"
              paymentMethod: ("DIRECT_DEBIT" | "NON_DIRECT_DEBIT") | null
              valueExcVat?: string
              valueIncVat?: string
            }[]
          }
        }
      }
      responses: {
        201: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              product: {
                id: string
                code: string
                tariffs: {
                  id: string
                  code: string
                }[]
                rates: number
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/quote": {
    /** A quote for a postcode: the region, each tariff on sale there and an estimated annual cost */
    get: {
      parameters: {
        query: {
          postcode: string
          electricityKwh?: string
          gasKwh?: string
          usage?: "low" | "medium" | "high"
          fuels?: "electricity" | "dual"
          paymentMethod?: "DIRECT_DEBIT" | "NON_DIRECT_DEBIT"
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Quote"]
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/readings/{readingId}/review": {
    get?: never
    put?: never
    /** Release or discard a reading held for review */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          readingId: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            decision: "release" | "discard"
            note: string
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              ok: true
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/reports/agents": {
    /** Agent report per staff user over local dates from..to (both included): calls, average handle time, messages, payments, case closure rate and mean resolution time; ?format=csv for CSV. Audited. */
    get: {
      parameters: {
        query: {
          from: string
          to: string
          userId?: string
          format?: "json" | "csv"
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** a date, YYYY-MM-DD */
              from: string
              /** a date, YYYY-MM-DD */
              to: string
              timeZone: string
              currency: string
              rows: {
                userId: string
                email: string
                displayName: string
                role: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer" | "pricing_analyst"
                calls: number
                /** null when there were no calls */
                averageHandleSeconds: number | null
                messagesSent: number
                paymentsTaken: number
                /** minor units (pence), as a string */
                paymentsTakenMinor: string
                casesOpened: number
                casesResolved: number
                /** cases resolved over cases opened, 0..1; null when none opened */
                closureRate: number | null
                meanResolutionSeconds: number | null
              }[]
            }
            "text/csv": string
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/review-flags": {
    /** Accounts flagged for supervisor review after repeated failed verification, oldest first (open by default) */
    get: {
      parameters: {
        query?: {
          status?: "open" | "cleared" | "all"
          limit?: number
          cursor?: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              items: {
                id: string
                accountId: string
                accountNumber: string
                reason: string
                /** an ISO 8601 instant in UTC */
                raisedAt: string
                clearedAt: string | null
                /** the staff user who cleared it */
                clearedById: string | null
                clearNote: string | null
                customerName: string
              }[]
              nextCursor: string | null
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/review-flags/{flagId}/clear": {
    get?: never
    put?: never
    /** Clear a review flag with a note of what the supervisor found (audited); 409 if already cleared */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          flagId: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            note: string
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              id: string
              accountId: string
              accountNumber: string
              reason: string
              /** an ISO 8601 instant in UTC */
              raisedAt: string
              clearedAt: string | null
              /** the staff user who cleared it */
              clearedById: string | null
              clearNote: string | null
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/roles": {
    /** The staff roles with their badges and permissions */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              items: {
                role: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer" | "pricing_analyst"
                /** the title of one member of the role, e.g. 'Customer Service Agent' */
                label: string
                accessLevel: string
                badgeColour: "blue" | "purple" | "green" | "orange" | "red" | "black" | "gold"
                /** who they are */
                summary: string
                /** the role whose permissions this one includes */
                inherits: ("agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer" | "pricing_analyst") | null
                permissions: string[]
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/session": {
    /** The signed-in user, their role, badge and permissions */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              user: {
                id: string
                email: string
                displayName: string
                role: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer" | "pricing_analyst"
                /** the guide's title for one member of the role */
                roleLabel: string
                badgeColour: "blue" | "purple" | "green" | "orange" | "red" | "black" | "gold"
                /** every permission the user holds, `<module>.<noun>.<verb>` */
                permissions: string[]
                /** true when the password has expired and must be changed first */
                mustChangePassword: boolean
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    /** Sign in (sets an httpOnly session cookie) */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            email: string
            password: string
            totp?: string
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              user: {
                id: string
                email: string
                displayName: string
                role: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer" | "pricing_analyst"
                /** the guide's title for one member of the role */
                roleLabel: string
                badgeColour: "blue" | "purple" | "green" | "orange" | "red" | "black" | "gold"
                /** every permission the user holds, `<module>.<noun>.<verb>` */
                permissions: string[]
                /** true when the password has expired and must be changed first */
                mustChangePassword: boolean
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        423: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        429: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    /** Sign out */
    delete: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        204: {
          headers: { [name: string]: unknown }
          content: never
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/session/password": {
    get?: never
    put?: never
    /** Change your own password (required every 90 days by default) */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            currentPassword: string
            newPassword: string
          }
        }
      }
      responses: {
        204: {
          headers: { [name: string]: unknown }
          content: never
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        429: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/session/probe": {
    /** Who is signed in on this browser, if anyone: the user, or null (never a 401) */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              user: {
                id: string
                email: string
                displayName: string
                role: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer" | "pricing_analyst"
                /** the guide's title for one member of the role */
                roleLabel: string
                badgeColour: "blue" | "purple" | "green" | "orange" | "red" | "black" | "gold"
                /** every permission the user holds, `<module>.<noun>.<verb>` */
                permissions: string[]
                /** true when the password has expired and must be changed first */
                mustChangePassword: boolean
              } | null
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/session/totp": {
    get?: never
    put?: never
    /** Start enrolling your own authenticator app: the secret is shown to you only, once */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** the new base32 TOTP secret, shown only to its owner, once */
              secret: string
              /** an otpauth:// URI for a QR code */
              uri: string
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/session/totp/confirm": {
    get?: never
    put?: never
    /** Confirm your authenticator app with a current code; sign-in asks for one from then on */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            code: string
          }
        }
      }
      responses: {
        204: {
          headers: { [name: string]: unknown }
          content: never
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/settings": {
    /** The supplier's market profile and settings (money in minor units) */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              name: string
              market: "gb" | "us"
              profile: {
                market: "gb" | "us"
                name: string
                currency: "GBP" | "USD"
                locale: string
                timeZone: string
                /** VAT or sales tax on domestic energy, an exact decimal percentage */
                domesticTaxPercent: string
                taxName: string
                /** half-hourly settlement periods in local time (gb) */
                settlementPeriods: boolean
                backbillingLimitMonths: number | null
                verificationQuestions: {
                  [key: string]: {
                    /** questions the agent checks by eye against the account page */
                    ticked: string[]
                    /** questions whose typed answer the server compares with what is on file */
                    answered: string[]
                  }
                }
                supplyPointKinds: string[]
                postcodeLabel: string
              }
              settings: {
                /** minor units (pence), as a string */
                creditApprovalLimitMinor: string
                /** minor units (pence), as a string */
                invoicePaymentApprovalMinor: string
                arrangementDownPaymentPercent: number
                arrangementGraceDays: number
                /** minor units (pence), as a string */
                lateFeeMinor: string
                thirdPartyAccessMinDays: number
                thirdPartyAccessMaxDays: number
                staffPasswordMaxAgeDays: number
                staffSessionMaxHours: number
                staffSessionIdleMinutes: number
                staffMaxFailedLogins: number
                staffLockoutMinutes: number
              }
              /** what every bill says of the supplier ('' where not set) */
              details: {
                legalName: string
                address: string
                phone: string
                email: string
                website: string
                companyNumber: string
                vatNumber: string
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    /** Change some settings */
    patch: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            [key: string]: string | number
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              name: string
              market: "gb" | "us"
              profile: {
                market: "gb" | "us"
                name: string
                currency: "GBP" | "USD"
                locale: string
                timeZone: string
                /** VAT or sales tax on domestic energy, an exact decimal percentage */
                domesticTaxPercent: string
                taxName: string
                /** half-hourly settlement periods in local time (gb) */
                settlementPeriods: boolean
                backbillingLimitMonths: number | null
                verificationQuestions: {
                  [key: string]: {
                    /** questions the agent checks by eye against the account page */
                    ticked: string[]
                    /** questions whose typed answer the server compares with what is on file */
                    answered: string[]
                  }
                }
                supplyPointKinds: string[]
                postcodeLabel: string
              }
              settings: {
                /** minor units (pence), as a string */
                creditApprovalLimitMinor: string
                /** minor units (pence), as a string */
                invoicePaymentApprovalMinor: string
                arrangementDownPaymentPercent: number
                arrangementGraceDays: number
                /** minor units (pence), as a string */
                lateFeeMinor: string
                thirdPartyAccessMinDays: number
                thirdPartyAccessMaxDays: number
                staffPasswordMaxAgeDays: number
                staffSessionMaxHours: number
                staffSessionIdleMinutes: number
                staffMaxFailedLogins: number
                staffLockoutMinutes: number
              }
              /** what every bill says of the supplier ('' where not set) */
              details: {
                legalName: string
                address: string
                phone: string
                email: string
                website: string
                companyNumber: string
                vatNumber: string
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    trace?: never
  }
  "/api/settings/details": {
    get?: never
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    /** Change some of the supplier's details that every bill carries ('' clears one) */
    patch: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            [key: string]: string
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              name: string
              market: "gb" | "us"
              profile: {
                market: "gb" | "us"
                name: string
                currency: "GBP" | "USD"
                locale: string
                timeZone: string
                /** VAT or sales tax on domestic energy, an exact decimal percentage */
                domesticTaxPercent: string
                taxName: string
                /** half-hourly settlement periods in local time (gb) */
                settlementPeriods: boolean
                backbillingLimitMonths: number | null
                verificationQuestions: {
                  [key: string]: {
                    /** questions the agent checks by eye against the account page */
                    ticked: string[]
                    /** questions whose typed answer the server compares with what is on file */
                    answered: string[]
                  }
                }
                supplyPointKinds: string[]
                postcodeLabel: string
              }
              settings: {
                /** minor units (pence), as a string */
                creditApprovalLimitMinor: string
                /** minor units (pence), as a string */
                invoicePaymentApprovalMinor: string
                arrangementDownPaymentPercent: number
                arrangementGraceDays: number
                /** minor units (pence), as a string */
                lateFeeMinor: string
                thirdPartyAccessMinDays: number
                thirdPartyAccessMaxDays: number
                staffPasswordMaxAgeDays: number
                staffSessionMaxHours: number
                staffSessionIdleMinutes: number
                staffMaxFailedLogins: number
                staffLockoutMinutes: number
              }
              /** what every bill says of the supplier ('' where not set) */
              details: {
                legalName: string
                address: string
                phone: string
                email: string
                website: string
                companyNumber: string
                vatNumber: string
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    trace?: never
  }
  "/api/sign-ups": {
    get?: never
    put?: never
    /** Sign up from a quote: opens the account with a pending supply start and sends the welcome email */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            customer: {
              title?: string | null
              givenName: string
              familyName: string
              email: string
              phone: string
            }
            supplyAddress: {
              line1: string
              line2?: string | null
              town: string
              postcode: string
            }
            region: string
            mpan: string
            mprn?: string | null
            productCode: string
            exportProductCode?: string | null
            exportMpan?: string | null
            hasSmartMeter?: boolean
            hasEvOrCharger?: boolean
            electricityKwh?: number
            gasKwh?: number
            payment: {
              method: "DIRECT_DEBIT"
              accountHolder: string
              sortCode: string
              accountNumber: string
              guaranteeAcknowledged: boolean
            } | {
              method: "NON_DIRECT_DEBIT"
            }
            consents: {
              terms: boolean
              marketing: boolean
            }
          }
        }
      }
      responses: {
        201: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["SignUp"]
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        429: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/staff": {
    /** Staff users */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              items: {
                id: string
                email: string
                displayName: string
                role: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer" | "pricing_analyst"
                /** an ISO 8601 instant in UTC */
                passwordChangedAt: string
                totpEnabled: boolean
                lockedUntil: string | null
                disabledAt: string | null
                /** an ISO 8601 instant in UTC */
                createdAt: string
                /** created with a money role a second access manager has not yet approved: cannot sign in */
                awaitingApproval: boolean
                /** false until an invited user has set their own password */
                passwordSet: boolean
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    /** Invite a staff user: no password is set; the one-time invitation secret (72 hours) is for the new user to set their own. A role with money powers waits for a second access manager */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            email: string
            displayName: string
            role: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer" | "pricing_analyst"
          }
        }
      }
      responses: {
        201: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              user: {
                id: string
                email: string
                displayName: string
                role: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer" | "pricing_analyst"
                /** an ISO 8601 instant in UTC */
                passwordChangedAt: string
                totpEnabled: boolean
                lockedUntil: string | null
                disabledAt: string | null
                /** an ISO 8601 instant in UTC */
                createdAt: string
                /** created with a money role a second access manager has not yet approved: cannot sign in */
                awaitingApproval: boolean
                /** false until an invited user has set their own password */
                passwordSet: boolean
              }
              invitation: {
                id: string
                /** the one-time secret the new user sets their password with; shown once */
                secret: string
                /** an ISO 8601 instant in UTC */
                expiresAt: string
              }
              /** opened when the role has money powers */
              roleRequest: {
                id: string
                userId: string
                role: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer" | "pricing_analyst"
                /** the staff user who asked */
                requestedBy: string
                /** an ISO 8601 instant in UTC */
                requestedAt: string
                status: "pending" | "approved" | "rejected"
                decidedBy: string | null
                decidedAt: string | null
              } | null
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/staff/invitations/accept": {
    get?: never
    put?: never
    /** Accept a staff invitation: set your own password with the invitation secret */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            secret: string
            password: string
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              email: string
              awaitingApproval: boolean
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        429: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/staff/role-requests": {
    /** Role requests waiting for a second access manager */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              items: {
                id: string
                userId: string
                role: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer" | "pricing_analyst"
                /** the staff user who asked */
                requestedBy: string
                /** an ISO 8601 instant in UTC */
                requestedAt: string
                status: "pending" | "approved" | "rejected"
                decidedBy: string | null
                decidedAt: string | null
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/staff/role-requests/{requestId}": {
    get?: never
    put?: never
    /** Approve or reject a role request (a second access manager: never the requester nor the user) */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          requestId: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            approve: boolean
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              request: {
                id: string
                userId: string
                role: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer" | "pricing_analyst"
                /** the staff user who asked */
                requestedBy: string
                /** an ISO 8601 instant in UTC */
                requestedAt: string
                status: "pending" | "approved" | "rejected"
                decidedBy: string | null
                decidedAt: string | null
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/staff/{userId}/role": {
    get?: never
    /** Change a staff user's role; a role with money powers becomes a request for a second access manager (202) */
    put: {
      parameters: {
        query?: never
        header?: never
        path: {
          userId: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            role: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer" | "pricing_analyst"
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              user: {
                id: string
                email: string
                displayName: string
                role: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer" | "pricing_analyst"
                /** an ISO 8601 instant in UTC */
                passwordChangedAt: string
                totpEnabled: boolean
                lockedUntil: string | null
                disabledAt: string | null
                /** an ISO 8601 instant in UTC */
                createdAt: string
                /** created with a money role a second access manager has not yet approved: cannot sign in */
                awaitingApproval: boolean
                /** false until an invited user has set their own password */
                passwordSet: boolean
              }
              roleRequest: {
                id: string
                userId: string
                role: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer" | "pricing_analyst"
                /** the staff user who asked */
                requestedBy: string
                /** an ISO 8601 instant in UTC */
                requestedAt: string
                status: "pending" | "approved" | "rejected"
                decidedBy: string | null
                decidedAt: string | null
              } | null
            }
          }
        }
        202: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              user: {
                id: string
                email: string
                displayName: string
                role: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer" | "pricing_analyst"
                /** an ISO 8601 instant in UTC */
                passwordChangedAt: string
                totpEnabled: boolean
                lockedUntil: string | null
                disabledAt: string | null
                /** an ISO 8601 instant in UTC */
                createdAt: string
                /** created with a money role a second access manager has not yet approved: cannot sign in */
                awaitingApproval: boolean
                /** false until an invited user has set their own password */
                passwordSet: boolean
              }
              roleRequest: {
                id: string
                userId: string
                role: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer" | "pricing_analyst"
                /** the staff user who asked */
                requestedBy: string
                /** an ISO 8601 instant in UTC */
                requestedAt: string
                status: "pending" | "approved" | "rejected"
                decidedBy: string | null
                decidedAt: string | null
              } | null
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/staff/{userId}/totp": {
    get?: never
    put?: never
    post?: never
    /** Reset a staff user's authenticator app so they enrol again themselves (the secret is never shown) */
    delete: {
      parameters: {
        query?: never
        header?: never
        path: {
          userId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        204: {
          headers: { [name: string]: unknown }
          content: never
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/statements/held": {
    /** Statements held for review by a billing run, oldest first */
    get: {
      parameters: {
        query?: {
          limit?: number
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              items: {
                id: string
                number: string
                accountId: string
                kind: "periodic" | "final" | "rebill" | "corrected_final"
                status: "held" | "issued" | "rejected" | "superseded" | "uninvoiced" | "invoiced"
                /** an ISO 8601 instant in UTC */
                periodFrom: string
                /** an ISO 8601 instant in UTC */
                periodTo: string
                version: number
                replacesStatementId: string | null
                currency: string
                /** DIRECT_DEBIT or NON_DIRECT_DEBIT */
                paymentMethod: string
                /** minor units (pence), as a string */
                netMinor: string
                /** minor units (pence), as a string */
                vatMinor: string
                /** minor units (pence), as a string */
                totalMinor: string
                /** minor units (pence), as a string */
                writeoffMinor: string
                /** what the statement moved the balance by: the total, less a write-off and what a replaced version charged */
                postedMinor: string
                openingBalanceMinor: string | null
                chargesMinor: string | null
                paymentsMinor: string | null
                creditsMinor: string | null
                adjustmentsMinor: string | null
                closingBalanceMinor: string | null
                dueOn: string | null
                holdReasons: {
                  code: "missing_rates" | "no_agreement" | "negative_consumption" | "charge_far_above_usual" | "estimated_too_long" | "no_reading"
                  message: string
                  /** the technical cause: meter point, exact span, rate kind */
                  detail?: string
                }[]
                explanation: {
                  days: number
                  estimated: boolean
                  usage: {
                    meterPointId: string
                    /** MPAN core or MPRN */
                    identifier: string
                    direction: string
                    /** an exact decimal */
                    kwh: string
                    /** minor units (pence), as a string */
                    energyMinor: string
                    /** minor units (pence), as a string */
                    standingMinor: string
                    standingDays: number
                    /** gas read in volume: how each register advance became kWh */
                    gasConversions?: {
                      /** the register advance, in `volumeUnit` */
                      volume: string
                      /** cubic metres, or hundreds of cubic feet (imperial) */
                      volumeUnit: "m3" | "hcf"
                      /** the volume in m³ (hcf × 2.83) */
                      cubicMetres: string
                      /** volume correction, 1.02264 */
                      correctionFactor: string
                      calorificValueMjPerM3: string
                      /** m³ × correction factor × calorific value ÷ 3.6, to 3 dp */
                      kwh: string
                    }[]
                  }[]
                  backbilling?: {
                    /** a date, YYYY-MM-DD */
                    cutoff: string
                    /** minor units (pence), as a string */
                    oldChargesMinor: string
                    /** minor units (pence), as a string */
                    writeoffMinor: string
                    reason: string
                    /** the supplier's failings that made the back-bill its fault (seed 002) */
                    breaches?: ("not_billed_for_over_a_year" | "rebilled_higher_for_over_a_year" | "adequacy_review_overdue")[]
                  }
                  comparison?: {
                    previousNumber: string
                    previousDays: number
                    /** minor units (pence), as a string */
                    previousNetMinor: string
                    /** minor units (pence), as a string */
                    changeMinor: string
                    /** the part of the change due to using more or less energy */
                    usageEffectMinor: string
                    /** the part due to prices, on this period’s usage */
                    priceEffectMinor: string
                    /** the rest: days of standing charge, and rounding */
                    otherEffectMinor: string
                    summary: string
                  }
                }
                /** an ISO 8601 instant in UTC */
                createdAt: string
                issuedAt: string | null
                accountNumber: string
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/statements/{number}/rebill": {
    get?: never
    put?: never
    /** Un-bill and re-bill the statement after corrected readings; the ledger moves by the difference */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          number: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        201: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              statement: {
                id: string
                number: string
                accountId: string
                kind: "periodic" | "final" | "rebill" | "corrected_final"
                status: "held" | "issued" | "rejected" | "superseded" | "uninvoiced" | "invoiced"
                /** an ISO 8601 instant in UTC */
                periodFrom: string
                /** an ISO 8601 instant in UTC */
                periodTo: string
                version: number
                replacesStatementId: string | null
                currency: string
                /** DIRECT_DEBIT or NON_DIRECT_DEBIT */
                paymentMethod: string
                /** minor units (pence), as a string */
                netMinor: string
                /** minor units (pence), as a string */
                vatMinor: string
                /** minor units (pence), as a string */
                totalMinor: string
                /** minor units (pence), as a string */
                writeoffMinor: string
                /** what the statement moved the balance by: the total, less a write-off and what a replaced version charged */
                postedMinor: string
                openingBalanceMinor: string | null
                chargesMinor: string | null
                paymentsMinor: string | null
                creditsMinor: string | null
                adjustmentsMinor: string | null
                closingBalanceMinor: string | null
                dueOn: string | null
                holdReasons: {
                  code: "missing_rates" | "no_agreement" | "negative_consumption" | "charge_far_above_usual" | "estimated_too_long" | "no_reading"
                  message: string
                  /** the technical cause: meter point, exact span, rate kind */
                  detail?: string
                }[]
                explanation: {
                  days: number
                  estimated: boolean
                  usage: {
                    meterPointId: string
                    /** MPAN core or MPRN */
                    identifier: string
                    direction: string
                    /** an exact decimal */
                    kwh: string
                    /** minor units (pence), as a string */
                    energyMinor: string
                    /** minor units (pence), as a string */
                    standingMinor: string
                    standingDays: number
                    /** gas read in volume: how each register advance became kWh */
                    gasConversions?: {
                      /** the register advance, in `volumeUnit` */
                      volume: string
                      /** cubic metres, or hundreds of cubic feet (imperial) */
                      volumeUnit: "m3" | "hcf"
                      /** the volume in m³ (hcf × 2.83) */
                      cubicMetres: string
                      /** volume correction, 1.02264 */
                      correctionFactor: string
                      calorificValueMjPerM3: string
                      /** m³ × correction factor × calorific value ÷ 3.6, to 3 dp */
                      kwh: string
                    }[]
                  }[]
                  backbilling?: {
                    /** a date, YYYY-MM-DD */
                    cutoff: string
                    /** minor units (pence), as a string */
                    oldChargesMinor: string
                    /** minor units (pence), as a string */
                    writeoffMinor: string
                    reason: string
                    /** the supplier's failings that made the back-bill its fault (seed 002) */
                    breaches?: ("not_billed_for_over_a_year" | "rebilled_higher_for_over_a_year" | "adequacy_review_overdue")[]
                  }
                  comparison?: {
                    previousNumber: string
                    previousDays: number
                    /** minor units (pence), as a string */
                    previousNetMinor: string
                    /** minor units (pence), as a string */
                    changeMinor: string
                    /** the part of the change due to using more or less energy */
                    usageEffectMinor: string
                    /** the part due to prices, on this period’s usage */
                    priceEffectMinor: string
                    /** the rest: days of standing charge, and rounding */
                    otherEffectMinor: string
                    summary: string
                  }
                }
                /** an ISO 8601 instant in UTC */
                createdAt: string
                issuedAt: string | null
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/statements/{number}/reject": {
    get?: never
    put?: never
    /** Reject a held statement: nothing is charged and the period can be billed again */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          number: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            reason: string
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              statement: {
                id: string
                number: string
                accountId: string
                kind: "periodic" | "final" | "rebill" | "corrected_final"
                status: "held" | "issued" | "rejected" | "superseded" | "uninvoiced" | "invoiced"
                /** an ISO 8601 instant in UTC */
                periodFrom: string
                /** an ISO 8601 instant in UTC */
                periodTo: string
                version: number
                replacesStatementId: string | null
                currency: string
                /** DIRECT_DEBIT or NON_DIRECT_DEBIT */
                paymentMethod: string
                /** minor units (pence), as a string */
                netMinor: string
                /** minor units (pence), as a string */
                vatMinor: string
                /** minor units (pence), as a string */
                totalMinor: string
                /** minor units (pence), as a string */
                writeoffMinor: string
                /** what the statement moved the balance by: the total, less a write-off and what a replaced version charged */
                postedMinor: string
                openingBalanceMinor: string | null
                chargesMinor: string | null
                paymentsMinor: string | null
                creditsMinor: string | null
                adjustmentsMinor: string | null
                closingBalanceMinor: string | null
                dueOn: string | null
                holdReasons: {
                  code: "missing_rates" | "no_agreement" | "negative_consumption" | "charge_far_above_usual" | "estimated_too_long" | "no_reading"
                  message: string
                  /** the technical cause: meter point, exact span, rate kind */
                  detail?: string
                }[]
                explanation: {
                  days: number
                  estimated: boolean
                  usage: {
                    meterPointId: string
                    /** MPAN core or MPRN */
                    identifier: string
                    direction: string
                    /** an exact decimal */
                    kwh: string
                    /** minor units (pence), as a string */
                    energyMinor: string
                    /** minor units (pence), as a string */
                    standingMinor: string
                    standingDays: number
                    /** gas read in volume: how each register advance became kWh */
                    gasConversions?: {
                      /** the register advance, in `volumeUnit` */
                      volume: string
                      /** cubic metres, or hundreds of cubic feet (imperial) */
                      volumeUnit: "m3" | "hcf"
                      /** the volume in m³ (hcf × 2.83) */
                      cubicMetres: string
                      /** volume correction, 1.02264 */
                      correctionFactor: string
                      calorificValueMjPerM3: string
                      /** m³ × correction factor × calorific value ÷ 3.6, to 3 dp */
                      kwh: string
                    }[]
                  }[]
                  backbilling?: {
                    /** a date, YYYY-MM-DD */
                    cutoff: string
                    /** minor units (pence), as a string */
                    oldChargesMinor: string
                    /** minor units (pence), as a string */
                    writeoffMinor: string
                    reason: string
                    /** the supplier's failings that made the back-bill its fault (seed 002) */
                    breaches?: ("not_billed_for_over_a_year" | "rebilled_higher_for_over_a_year" | "adequacy_review_overdue")[]
                  }
                  comparison?: {
                    previousNumber: string
                    previousDays: number
                    /** minor units (pence), as a string */
                    previousNetMinor: string
                    /** minor units (pence), as a string */
                    changeMinor: string
                    /** the part of the change due to using more or less energy */
                    usageEffectMinor: string
                    /** the part due to prices, on this period’s usage */
                    priceEffectMinor: string
                    /** the rest: days of standing charge, and rounding */
                    otherEffectMinor: string
                    summary: string
                  }
                }
                /** an ISO 8601 instant in UTC */
                createdAt: string
                issuedAt: string | null
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/statements/{number}/release": {
    get?: never
    put?: never
    /** Issue a held statement */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          number: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              statement: {
                id: string
                number: string
                accountId: string
                kind: "periodic" | "final" | "rebill" | "corrected_final"
                status: "held" | "issued" | "rejected" | "superseded" | "uninvoiced" | "invoiced"
                /** an ISO 8601 instant in UTC */
                periodFrom: string
                /** an ISO 8601 instant in UTC */
                periodTo: string
                version: number
                replacesStatementId: string | null
                currency: string
                /** DIRECT_DEBIT or NON_DIRECT_DEBIT */
                paymentMethod: string
                /** minor units (pence), as a string */
                netMinor: string
                /** minor units (pence), as a string */
                vatMinor: string
                /** minor units (pence), as a string */
                totalMinor: string
                /** minor units (pence), as a string */
                writeoffMinor: string
                /** what the statement moved the balance by: the total, less a write-off and what a replaced version charged */
                postedMinor: string
                openingBalanceMinor: string | null
                chargesMinor: string | null
                paymentsMinor: string | null
                creditsMinor: string | null
                adjustmentsMinor: string | null
                closingBalanceMinor: string | null
                dueOn: string | null
                holdReasons: {
                  code: "missing_rates" | "no_agreement" | "negative_consumption" | "charge_far_above_usual" | "estimated_too_long" | "no_reading"
                  message: string
                  /** the technical cause: meter point, exact span, rate kind */
                  detail?: string
                }[]
                explanation: {
                  days: number
                  estimated: boolean
                  usage: {
                    meterPointId: string
                    /** MPAN core or MPRN */
                    identifier: string
                    direction: string
                    /** an exact decimal */
                    kwh: string
                    /** minor units (pence), as a string */
                    energyMinor: string
                    /** minor units (pence), as a string */
                    standingMinor: string
                    standingDays: number
                    /** gas read in volume: how each register advance became kWh */
                    gasConversions?: {
                      /** the register advance, in `volumeUnit` */
                      volume: string
                      /** cubic metres, or hundreds of cubic feet (imperial) */
                      volumeUnit: "m3" | "hcf"
                      /** the volume in m³ (hcf × 2.83) */
                      cubicMetres: string
                      /** volume correction, 1.02264 */
                      correctionFactor: string
                      calorificValueMjPerM3: string
                      /** m³ × correction factor × calorific value ÷ 3.6, to 3 dp */
                      kwh: string
                    }[]
                  }[]
                  backbilling?: {
                    /** a date, YYYY-MM-DD */
                    cutoff: string
                    /** minor units (pence), as a string */
                    oldChargesMinor: string
                    /** minor units (pence), as a string */
                    writeoffMinor: string
                    reason: string
                    /** the supplier's failings that made the back-bill its fault (seed 002) */
                    breaches?: ("not_billed_for_over_a_year" | "rebilled_higher_for_over_a_year" | "adequacy_review_overdue")[]
                  }
                  comparison?: {
                    previousNumber: string
                    previousDays: number
                    /** minor units (pence), as a string */
                    previousNetMinor: string
                    /** minor units (pence), as a string */
                    changeMinor: string
                    /** the part of the change due to using more or less energy */
                    usageEffectMinor: string
                    /** the part due to prices, on this period’s usage */
                    priceEffectMinor: string
                    /** the rest: days of standing charge, and rounding */
                    otherEffectMinor: string
                    summary: string
                  }
                }
                /** an ISO 8601 instant in UTC */
                createdAt: string
                issuedAt: string | null
              }
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        409: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/supplies/import": {
    get?: never
    put?: never
    /** Register meter points with their meters and registers from a CSV, one row a register (account_number,mpan_mprn,fuel,meter_serial,meter_type,register_id,rate,unit,supply_start): checked whole, all or nothing, problems by line and column */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            csv: string
          }
        }
      }
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              accounts: number
              meterPoints: number
              registers: number
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/tokens": {
    /** API tokens, never their secrets: your own, or everyone's with access.token.manage */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              items: {
                id: string
                name: string
                /** the staff user it acts as, or null for a service account's token */
                userId: string | null
                serviceAccountId: string | null
                permissions: string[]
                createdBy: string | null
                /** an ISO 8601 instant in UTC */
                createdAt: string
                /** an ISO 8601 instant in UTC */
                expiresAt: string
                revokedAt: string | null
                lastUsedAt: string | null
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    /** Issue an API token for yourself or a named service account, with permissions you hold, expiring within 90 days (default 90); the secret is shown once */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          "application/json": {
            name: string
            userId?: string
            serviceAccount?: string
            permissions?: string[]
            expiresAt?: string
          }
        }
      }
      responses: {
        201: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              id: string
              /** the secret, shown once: only its hash is kept */
              token: string
              /** an ISO 8601 instant in UTC */
              expiresAt: string
              permissions: string[]
              serviceAccountId: string | null
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/tokens/{tokenId}": {
    get?: never
    put?: never
    post?: never
    /** Revoke an API token: your own, one you issued, or any with access.token.manage */
    delete: {
      parameters: {
        query?: never
        header?: never
        path: {
          tokenId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        204: {
          headers: { [name: string]: unknown }
          content: never
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/api/verification-questions": {
    /** Deprecated: use /accounts/{accountNumber}/verification-questions. The questions for a caller in the supplier's market */
    get: {
      parameters: {
        query?: {
          caller?: "holder" | "authorized_user" | "property_manager" | "power_of_attorney" | "third_party"
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              market: "gb" | "us"
              caller: "holder" | "authorized_user" | "property_manager" | "power_of_attorney" | "third_party"
              callers: ("holder" | "authorized_user" | "property_manager" | "power_of_attorney" | "third_party")[]
              ticked: string[]
              answered: string[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/health": {
    /** Liveness and database reachability (runs SELECT 1) */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              status: "ok"
              database: "pglite" | "postgres"
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["Error"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/v1/accounts/{number}": {
    /** Octopus-compatible account: properties, meter points, meters, registers and agreements */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          number: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              number: string
              properties: {
                id: string
                /** an ISO 8601 instant */
                moved_in_at: string
                moved_out_at: string | null
                address_line_1: string
                address_line_2: string
                address_line_3: string
                town: string
                county: string
                postcode: string
                electricity_meter_points: {
                  mpan: string
                  profile_class: number | null
                  /** typical annual kWh */
                  consumption_standard: number
                  meters: {
                    serial_number: string
                    registers: {
                      identifier: string
                      rate: string
                      is_settlement_register: boolean
                    }[]
                  }[]
                  agreements: {
                    tariff_code: string
                    /** an ISO 8601 instant */
                    valid_from: string
                    valid_to: string | null
                  }[]
                  is_export: boolean
                }[]
                gas_meter_points: {
                  mprn: string
                  /** typical annual kWh */
                  consumption_standard: number
                  meters: {
                    serial_number: string
                  }[]
                  agreements: {
                    tariff_code: string
                    /** an ISO 8601 instant */
                    valid_from: string
                    valid_to: string | null
                  }[]
                }[]
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/v1/accounts/{number}/": {
    /** Octopus-compatible account: properties, meter points, meters, registers and agreements */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          number: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              number: string
              properties: {
                id: string
                /** an ISO 8601 instant */
                moved_in_at: string
                moved_out_at: string | null
                address_line_1: string
                address_line_2: string
                address_line_3: string
                town: string
                county: string
                postcode: string
                electricity_meter_points: {
                  mpan: string
                  profile_class: number | null
                  /** typical annual kWh */
                  consumption_standard: number
                  meters: {
                    serial_number: string
                    registers: {
                      identifier: string
                      rate: string
                      is_settlement_register: boolean
                    }[]
                  }[]
                  agreements: {
                    tariff_code: string
                    /** an ISO 8601 instant */
                    valid_from: string
                    valid_to: string | null
                  }[]
                  is_export: boolean
                }[]
                gas_meter_points: {
                  mprn: string
                  /** typical annual kWh */
                  consumption_standard: number
                  meters: {
                    serial_number: string
                  }[]
                  agreements: {
                    tariff_code: string
                    /** an ISO 8601 instant */
                    valid_from: string
                    valid_to: string | null
                  }[]
                }[]
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/v1/electricity-meter-points/{mpan}": {
    /** Octopus-compatible electricity meter point: GSP group and profile class */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          mpan: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** the GSP group, e.g. _C; null when not known */
              gsp: string | null
              mpan: string
              profile_class: number | null
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/v1/electricity-meter-points/{mpan}/": {
    /** Octopus-compatible electricity meter point: GSP group and profile class */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          mpan: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** the GSP group, e.g. _C; null when not known */
              gsp: string | null
              mpan: string
              profile_class: number | null
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/v1/electricity-meter-points/{point}/meters/{serial}/consumption": {
    /** Octopus-compatible electricity consumption (half-hourly, or grouped by local hour/day/week/month/quarter) */
    get: {
      parameters: {
        query?: {
          period_from?: string
          period_to?: string
          page_size?: number
          page?: number
          order_by?: "period" | "-period"
          group_by?: "hour" | "day" | "week" | "month" | "quarter"
        }
        header?: never
        path: {
          point: string
          serial: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** how many results there are in all pages */
              count: number
              /** the absolute URL of the next page; null on the last */
              next: string | null
              /** the absolute URL of the previous page; null on the first */
              previous: string | null
              results: {
                /** kWh */
                consumption: number
                /** an ISO 8601 instant */
                interval_start: string
                /** an ISO 8601 instant */
                interval_end: string
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/v1/electricity-meter-points/{point}/meters/{serial}/consumption/": {
    /** Octopus-compatible electricity consumption (half-hourly, or grouped by local hour/day/week/month/quarter) */
    get: {
      parameters: {
        query?: {
          period_from?: string
          period_to?: string
          page_size?: number
          page?: number
          order_by?: "period" | "-period"
          group_by?: "hour" | "day" | "week" | "month" | "quarter"
        }
        header?: never
        path: {
          point: string
          serial: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** how many results there are in all pages */
              count: number
              /** the absolute URL of the next page; null on the last */
              next: string | null
              /** the absolute URL of the previous page; null on the first */
              previous: string | null
              results: {
                /** kWh */
                consumption: number
                /** an ISO 8601 instant */
                interval_start: string
                /** an ISO 8601 instant */
                interval_end: string
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/v1/gas-meter-points/{point}/meters/{serial}/consumption": {
    /** Octopus-compatible gas consumption (half-hourly, or grouped by local hour/day/week/month/quarter) */
    get: {
      parameters: {
        query?: {
          period_from?: string
          period_to?: string
          page_size?: number
          page?: number
          order_by?: "period" | "-period"
          group_by?: "hour" | "day" | "week" | "month" | "quarter"
        }
        header?: never
        path: {
          point: string
          serial: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** how many results there are in all pages */
              count: number
              /** the absolute URL of the next page; null on the last */
              next: string | null
              /** the absolute URL of the previous page; null on the first */
              previous: string | null
              results: {
                /** kWh */
                consumption: number
                /** an ISO 8601 instant */
                interval_start: string
                /** an ISO 8601 instant */
                interval_end: string
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/v1/gas-meter-points/{point}/meters/{serial}/consumption/": {
    /** Octopus-compatible gas consumption (half-hourly, or grouped by local hour/day/week/month/quarter) */
    get: {
      parameters: {
        query?: {
          period_from?: string
          period_to?: string
          page_size?: number
          page?: number
          order_by?: "period" | "-period"
          group_by?: "hour" | "day" | "week" | "month" | "quarter"
        }
        header?: never
        path: {
          point: string
          serial: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** how many results there are in all pages */
              count: number
              /** the absolute URL of the next page; null on the last */
              next: string | null
              /** the absolute URL of the previous page; null on the first */
              previous: string | null
              results: {
                /** kWh */
                consumption: number
                /** an ISO 8601 instant */
                interval_start: string
                /** an ISO 8601 instant */
                interval_end: string
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
        401: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
        403: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/v1/industry/grid-supply-points": {
    /** Octopus-compatible grid supply point (tariff region) lookup by postcode */
    get: {
      parameters: {
        query?: {
          page?: number
          page_size?: number
          postcode?: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** how many results there are in all pages */
              count: number
              /** the absolute URL of the next page; null on the last */
              next: string | null
              /** the absolute URL of the previous page; null on the first */
              previous: string | null
              results: {
                /** e.g. _C */
                group_id: string
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/v1/industry/grid-supply-points/": {
    /** Octopus-compatible grid supply point (tariff region) lookup by postcode */
    get: {
      parameters: {
        query?: {
          page?: number
          page_size?: number
          postcode?: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** how many results there are in all pages */
              count: number
              /** the absolute URL of the next page; null on the last */
              next: string | null
              /** the absolute URL of the previous page; null on the first */
              previous: string | null
              results: {
                /** e.g. _C */
                group_id: string
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/v1/products": {
    /** Octopus-compatible list of the products available at an instant (default now), 100 a page */
    get: {
      parameters: {
        query?: {
          is_variable?: "0" | "1" | "true" | "false" | "True" | "False"
          is_green?: "0" | "1" | "true" | "false" | "True" | "False"
          is_tracker?: "0" | "1" | "true" | "false" | "True" | "False"
          is_prepay?: "0" | "1" | "true" | "false" | "True" | "False"
          is_business?: "0" | "1" | "true" | "false" | "True" | "False"
          available_at?: string
          brand?: string
          page?: number
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** how many results there are in all pages */
              count: number
              /** the absolute URL of the next page; null on the last */
              next: string | null
              /** the absolute URL of the previous page; null on the first */
              previous: string | null
              results: {
                code: string
                direction: "IMPORT" | "EXPORT"
                full_name: string
                display_name: string
                description: string
                is_variable: boolean
                is_green: boolean
                is_tracker: boolean
                is_prepay: boolean
                is_business: boolean
                is_restricted: boolean
                /** the fixed term in months; null when open-ended */
                term: number | null
                /** an ISO 8601 instant */
                available_from: string
                available_to: string | null
                links: {
                  href: string
                  method: string
                  rel: string
                }[]
                brand: string
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/v1/products/": {
    /** Octopus-compatible list of the products available at an instant (default now), 100 a page */
    get: {
      parameters: {
        query?: {
          is_variable?: "0" | "1" | "true" | "false" | "True" | "False"
          is_green?: "0" | "1" | "true" | "false" | "True" | "False"
          is_tracker?: "0" | "1" | "true" | "false" | "True" | "False"
          is_prepay?: "0" | "1" | "true" | "false" | "True" | "False"
          is_business?: "0" | "1" | "true" | "false" | "True" | "False"
          available_at?: string
          brand?: string
          page?: number
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** how many results there are in all pages */
              count: number
              /** the absolute URL of the next page; null on the last */
              next: string | null
              /** the absolute URL of the previous page; null on the first */
              previous: string | null
              results: {
                code: string
                direction: "IMPORT" | "EXPORT"
                full_name: string
                display_name: string
                description: string
                is_variable: boolean
                is_green: boolean
                is_tracker: boolean
                is_prepay: boolean
                is_business: boolean
                is_restricted: boolean
                /** the fixed term in months; null when open-ended */
                term: number | null
                /** an ISO 8601 instant */
                available_from: string
                available_to: string | null
                links: {
                  href: string
                  method: string
                  rel: string
                }[]
                brand: string
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/v1/products/{code}": {
    /** Octopus-compatible product with its tariffs by region and payment method, priced at an instant */
    get: {
      parameters: {
        query?: {
          tariffs_active_at?: string
        }
        header?: never
        path: {
          code: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              code: string
              direction: "IMPORT" | "EXPORT"
              full_name: string
              display_name: string
              description: string
              is_variable: boolean
              is_green: boolean
              is_tracker: boolean
              is_prepay: boolean
              is_business: boolean
              is_restricted: boolean
              term: number | null
              /** an ISO 8601 instant */
              available_from: string
              available_to: string | null
              /** an ISO 8601 instant */
              tariffs_active_at: string
              /** by region (_A…_P), then by payment variant (direct_debit_monthly, varying) */
              single_register_electricity_tariffs: {
                [key: string]: {
                  [key: string]: {
                    code: string
                    /** pence; null when the tariff has no such price */
                    standing_charge_exc_vat: number | null
                    /** pence; null when the tariff has no such price */
                    standing_charge_inc_vat: number | null
                    online_discount_exc_vat: number
                    online_discount_inc_vat: number
                    dual_fuel_discount_exc_vat: number
                    dual_fuel_discount_inc_vat: number
                    /** the exit fee as charged, per fuel, in pence */
                    exit_fees_exc_vat: number
                    /** the exit fee as charged, per fuel, in pence */
                    exit_fees_inc_vat: number
                    exit_fees_type: "NONE" | "PER_FUEL"
                    links: {
                      href: string
                      method: string
                      rel: string
                    }[]
                    /** pence per kWh; single-register tariffs only */
                    standard_unit_rate_exc_vat?: number | null
                    /** pence per kWh; single-register tariffs only */
                    standard_unit_rate_inc_vat?: number | null
                    /** pence per kWh; day/night tariffs only */
                    day_unit_rate_exc_vat?: number | null
                    /** pence per kWh; day/night tariffs only */
                    day_unit_rate_inc_vat?: number | null
                    /** pence per kWh; day/night tariffs only */
                    night_unit_rate_exc_vat?: number | null
                    /** pence per kWh; day/night tariffs only */
                    night_unit_rate_inc_vat?: number | null
                  }
                }
              }
              /** by region (_A…_P), then by payment variant (direct_debit_monthly, varying) */
              dual_register_electricity_tariffs: {
                [key: string]: {
                  [key: string]: {
                    code: string
                    /** pence; null when the tariff has no such price */
                    standing_charge_exc_vat: number | null
                    /** pence; null when the tariff has no such price */
                    standing_charge_inc_vat: number | null
                    online_discount_exc_vat: number
                    online_discount_inc_vat: number
                    dual_fuel_discount_exc_vat: number
                    dual_fuel_discount_inc_vat: number
                    /** the exit fee as charged, per fuel, in pence */
                    exit_fees_exc_vat: number
                    /** the exit fee as charged, per fuel, in pence */
                    exit_fees_inc_vat: number
                    exit_fees_type: "NONE" | "PER_FUEL"
                    links: {
                      href: string
                      method: string
                      rel: string
                    }[]
                    /** pence per kWh; single-register tariffs only */
                    standard_unit_rate_exc_vat?: number | null
                    /** pence per kWh; single-register tariffs only */
                    standard_unit_rate_inc_vat?: number | null
                    /** pence per kWh; day/night tariffs only */
                    day_unit_rate_exc_vat?: number | null
                    /** pence per kWh; day/night tariffs only */
                    day_unit_rate_inc_vat?: number | null
                    /** pence per kWh; day/night tariffs only */
                    night_unit_rate_exc_vat?: number | null
                    /** pence per kWh; day/night tariffs only */
                    night_unit_rate_inc_vat?: number | null
                  }
                }
              }
              /** by region (_A…_P), then by payment variant (direct_debit_monthly, varying) */
              single_register_gas_tariffs: {
                [key: string]: {
                  [key: string]: {
                    code: string
                    /** pence; null when the tariff has no such price */
                    standing_charge_exc_vat: number | null
                    /** pence; null when the tariff has no such price */
                    standing_charge_inc_vat: number | null
                    online_discount_exc_vat: number
                    online_discount_inc_vat: number
                    dual_fuel_discount_exc_vat: number
                    dual_fuel_discount_inc_vat: number
                    /** the exit fee as charged, per fuel, in pence */
                    exit_fees_exc_vat: number
                    /** the exit fee as charged, per fuel, in pence */
                    exit_fees_inc_vat: number
                    exit_fees_type: "NONE" | "PER_FUEL"
                    links: {
                      href: string
                      method: string
                      rel: string
                    }[]
                    /** pence per kWh; single-register tariffs only */
                    standard_unit_rate_exc_vat?: number | null
                    /** pence per kWh; single-register tariffs only */
                    standard_unit_rate_inc_vat?: number | null
                    /** pence per kWh; day/night tariffs only */
                    day_unit_rate_exc_vat?: number | null
                    /** pence per kWh; day/night tariffs only */
                    day_unit_rate_inc_vat?: number | null
                    /** pence per kWh; day/night tariffs only */
                    night_unit_rate_exc_vat?: number | null
                    /** pence per kWh; day/night tariffs only */
                    night_unit_rate_inc_vat?: number | null
                  }
                }
              }
              /** by region (_A…_P), then by payment variant (direct_debit_monthly, varying) */
              dual_register_gas_tariffs: {
                [key: string]: {
                  [key: string]: {
                    code: string
                    /** pence; null when the tariff has no such price */
                    standing_charge_exc_vat: number | null
                    /** pence; null when the tariff has no such price */
                    standing_charge_inc_vat: number | null
                    online_discount_exc_vat: number
                    online_discount_inc_vat: number
                    dual_fuel_discount_exc_vat: number
                    dual_fuel_discount_inc_vat: number
                    /** the exit fee as charged, per fuel, in pence */
                    exit_fees_exc_vat: number
                    /** the exit fee as charged, per fuel, in pence */
                    exit_fees_inc_vat: number
                    exit_fees_type: "NONE" | "PER_FUEL"
                    links: {
                      href: string
                      method: string
                      rel: string
                    }[]
                    /** pence per kWh; single-register tariffs only */
                    standard_unit_rate_exc_vat?: number | null
                    /** pence per kWh; single-register tariffs only */
                    standard_unit_rate_inc_vat?: number | null
                    /** pence per kWh; day/night tariffs only */
                    day_unit_rate_exc_vat?: number | null
                    /** pence per kWh; day/night tariffs only */
                    day_unit_rate_inc_vat?: number | null
                    /** pence per kWh; day/night tariffs only */
                    night_unit_rate_exc_vat?: number | null
                    /** pence per kWh; day/night tariffs only */
                    night_unit_rate_inc_vat?: number | null
                  }
                }
              }
              links: {
                href: string
                method: string
                rel: string
              }[]
              brand: string
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/v1/products/{code}/": {
    /** Octopus-compatible product with its tariffs by region and payment method, priced at an instant */
    get: {
      parameters: {
        query?: {
          tariffs_active_at?: string
        }
        header?: never
        path: {
          code: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              code: string
              direction: "IMPORT" | "EXPORT"
              full_name: string
              display_name: string
              description: string
              is_variable: boolean
              is_green: boolean
              is_tracker: boolean
              is_prepay: boolean
              is_business: boolean
              is_restricted: boolean
              term: number | null
              /** an ISO 8601 instant */
              available_from: string
              available_to: string | null
              /** an ISO 8601 instant */
              tariffs_active_at: string
              /** by region (_A…_P), then by payment variant (direct_debit_monthly, varying) */
              single_register_electricity_tariffs: {
                [key: string]: {
                  [key: string]: {
                    code: string
                    /** pence; null when the tariff has no such price */
                    standing_charge_exc_vat: number | null
                    /** pence; null when the tariff has no such price */
                    standing_charge_inc_vat: number | null
                    online_discount_exc_vat: number
                    online_discount_inc_vat: number
                    dual_fuel_discount_exc_vat: number
                    dual_fuel_discount_inc_vat: number
                    /** the exit fee as charged, per fuel, in pence */
                    exit_fees_exc_vat: number
                    /** the exit fee as charged, per fuel, in pence */
                    exit_fees_inc_vat: number
                    exit_fees_type: "NONE" | "PER_FUEL"
                    links: {
                      href: string
                      method: string
                      rel: string
                    }[]
                    /** pence per kWh; single-register tariffs only */
                    standard_unit_rate_exc_vat?: number | null
                    /** pence per kWh; single-register tariffs only */
                    standard_unit_rate_inc_vat?: number | null
                    /** pence per kWh; day/night tariffs only */
                    day_unit_rate_exc_vat?: number | null
                    /** pence per kWh; day/night tariffs only */
                    day_unit_rate_inc_vat?: number | null
                    /** pence per kWh; day/night tariffs only */
                    night_unit_rate_exc_vat?: number | null
                    /** pence per kWh; day/night tariffs only */
                    night_unit_rate_inc_vat?: number | null
                  }
                }
              }
              /** by region (_A…_P), then by payment variant (direct_debit_monthly, varying) */
              dual_register_electricity_tariffs: {
                [key: string]: {
                  [key: string]: {
                    code: string
                    /** pence; null when the tariff has no such price */
                    standing_charge_exc_vat: number | null
                    /** pence; null when the tariff has no such price */
                    standing_charge_inc_vat: number | null
                    online_discount_exc_vat: number
                    online_discount_inc_vat: number
                    dual_fuel_discount_exc_vat: number
                    dual_fuel_discount_inc_vat: number
                    /** the exit fee as charged, per fuel, in pence */
                    exit_fees_exc_vat: number
                    /** the exit fee as charged, per fuel, in pence */
                    exit_fees_inc_vat: number
                    exit_fees_type: "NONE" | "PER_FUEL"
                    links: {
                      href: string
                      method: string
                      rel: string
                    }[]
                    /** pence per kWh; single-register tariffs only */
                    standard_unit_rate_exc_vat?: number | null
                    /** pence per kWh; single-register tariffs only */
                    standard_unit_rate_inc_vat?: number | null
                    /** pence per kWh; day/night tariffs only */
                    day_unit_rate_exc_vat?: number | null
                    /** pence per kWh; day/night tariffs only */
                    day_unit_rate_inc_vat?: number | null
                    /** pence per kWh; day/night tariffs only */
                    night_unit_rate_exc_vat?: number | null
                    /** pence per kWh; day/night tariffs only */
                    night_unit_rate_inc_vat?: number | null
                  }
                }
              }
              /** by region (_A…_P), then by payment variant (direct_debit_monthly, varying) */
              single_register_gas_tariffs: {
                [key: string]: {
                  [key: string]: {
                    code: string
                    /** pence; null when the tariff has no such price */
                    standing_charge_exc_vat: number | null
                    /** pence; null when the tariff has no such price */
                    standing_charge_inc_vat: number | null
                    online_discount_exc_vat: number
                    online_discount_inc_vat: number
                    dual_fuel_discount_exc_vat: number
                    dual_fuel_discount_inc_vat: number
                    /** the exit fee as charged, per fuel, in pence */
                    exit_fees_exc_vat: number
                    /** the exit fee as charged, per fuel, in pence */
                    exit_fees_inc_vat: number
                    exit_fees_type: "NONE" | "PER_FUEL"
                    links: {
                      href: string
                      method: string
                      rel: string
                    }[]
                    /** pence per kWh; single-register tariffs only */
                    standard_unit_rate_exc_vat?: number | null
                    /** pence per kWh; single-register tariffs only */
                    standard_unit_rate_inc_vat?: number | null
                    /** pence per kWh; day/night tariffs only */
                    day_unit_rate_exc_vat?: number | null
                    /** pence per kWh; day/night tariffs only */
                    day_unit_rate_inc_vat?: number | null
                    /** pence per kWh; day/night tariffs only */
                    night_unit_rate_exc_vat?: number | null
                    /** pence per kWh; day/night tariffs only */
                    night_unit_rate_inc_vat?: number | null
                  }
                }
              }
              /** by region (_A…_P), then by payment variant (direct_debit_monthly, varying) */
              dual_register_gas_tariffs: {
                [key: string]: {
                  [key: string]: {
                    code: string
                    /** pence; null when the tariff has no such price */
                    standing_charge_exc_vat: number | null
                    /** pence; null when the tariff has no such price */
                    standing_charge_inc_vat: number | null
                    online_discount_exc_vat: number
                    online_discount_inc_vat: number
                    dual_fuel_discount_exc_vat: number
                    dual_fuel_discount_inc_vat: number
                    /** the exit fee as charged, per fuel, in pence */
                    exit_fees_exc_vat: number
                    /** the exit fee as charged, per fuel, in pence */
                    exit_fees_inc_vat: number
                    exit_fees_type: "NONE" | "PER_FUEL"
                    links: {
                      href: string
                      method: string
                      rel: string
                    }[]
                    /** pence per kWh; single-register tariffs only */
                    standard_unit_rate_exc_vat?: number | null
                    /** pence per kWh; single-register tariffs only */
                    standard_unit_rate_inc_vat?: number | null
                    /** pence per kWh; day/night tariffs only */
                    day_unit_rate_exc_vat?: number | null
                    /** pence per kWh; day/night tariffs only */
                    day_unit_rate_inc_vat?: number | null
                    /** pence per kWh; day/night tariffs only */
                    night_unit_rate_exc_vat?: number | null
                    /** pence per kWh; day/night tariffs only */
                    night_unit_rate_inc_vat?: number | null
                  }
                }
              }
              links: {
                href: string
                method: string
                rel: string
              }[]
              brand: string
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/v1/products/{code}/electricity-tariffs/{tariff}/day-unit-rates": {
    /** Octopus-compatible electricity day unit rates, newest first */
    get: {
      parameters: {
        query?: {
          period_from?: string
          period_to?: string
          page_size?: number
          page?: number
        }
        header?: never
        path: {
          code: string
          tariff: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** how many results there are in all pages */
              count: number
              /** the absolute URL of the next page; null on the last */
              next: string | null
              /** the absolute URL of the previous page; null on the first */
              previous: string | null
              results: {
                /** pence (per kWh, or per day for a standing charge) */
                value_exc_vat: number
                /** pence (per kWh, or per day for a standing charge) */
                value_inc_vat: number
                /** an ISO 8601 instant */
                valid_from: string
                /** null while the rate is open-ended */
                valid_to: string | null
                /** null when the rate is the same for both */
                payment_method: ("DIRECT_DEBIT" | "NON_DIRECT_DEBIT") | null
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/v1/products/{code}/electricity-tariffs/{tariff}/day-unit-rates/": {
    /** Octopus-compatible electricity day unit rates, newest first */
    get: {
      parameters: {
        query?: {
          period_from?: string
          period_to?: string
          page_size?: number
          page?: number
        }
        header?: never
        path: {
          code: string
          tariff: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** how many results there are in all pages */
              count: number
              /** the absolute URL of the next page; null on the last */
              next: string | null
              /** the absolute URL of the previous page; null on the first */
              previous: string | null
              results: {
                /** pence (per kWh, or per day for a standing charge) */
                value_exc_vat: number
                /** pence (per kWh, or per day for a standing charge) */
                value_inc_vat: number
                /** an ISO 8601 instant */
                valid_from: string
                /** null while the rate is open-ended */
                valid_to: string | null
                /** null when the rate is the same for both */
                payment_method: ("DIRECT_DEBIT" | "NON_DIRECT_DEBIT") | null
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/v1/products/{code}/electricity-tariffs/{tariff}/night-unit-rates": {
    /** Octopus-compatible electricity night unit rates, newest first */
    get: {
      parameters: {
        query?: {
          period_from?: string
          period_to?: string
          page_size?: number
          page?: number
        }
        header?: never
        path: {
          code: string
          tariff: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** how many results there are in all pages */
              count: number
              /** the absolute URL of the next page; null on the last */
              next: string | null
              /** the absolute URL of the previous page; null on the first */
              previous: string | null
              results: {
                /** pence (per kWh, or per day for a standing charge) */
                value_exc_vat: number
                /** pence (per kWh, or per day for a standing charge) */
                value_inc_vat: number
                /** an ISO 8601 instant */
                valid_from: string
                /** null while the rate is open-ended */
                valid_to: string | null
                /** null when the rate is the same for both */
                payment_method: ("DIRECT_DEBIT" | "NON_DIRECT_DEBIT") | null
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/v1/products/{code}/electricity-tariffs/{tariff}/night-unit-rates/": {
    /** Octopus-compatible electricity night unit rates, newest first */
    get: {
      parameters: {
        query?: {
          period_from?: string
          period_to?: string
          page_size?: number
          page?: number
        }
        header?: never
        path: {
          code: string
          tariff: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** how many results there are in all pages */
              count: number
              /** the absolute URL of the next page; null on the last */
              next: string | null
              /** the absolute URL of the previous page; null on the first */
              previous: string | null
              results: {
                /** pence (per kWh, or per day for a standing charge) */
                value_exc_vat: number
                /** pence (per kWh, or per day for a standing charge) */
                value_inc_vat: number
                /** an ISO 8601 instant */
                valid_from: string
                /** null while the rate is open-ended */
                valid_to: string | null
                /** null when the rate is the same for both */
                payment_method: ("DIRECT_DEBIT" | "NON_DIRECT_DEBIT") | null
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/v1/products/{code}/electricity-tariffs/{tariff}/standard-unit-rates": {
    /** Octopus-compatible electricity standard unit rates, newest first */
    get: {
      parameters: {
        query?: {
          period_from?: string
          period_to?: string
          page_size?: number
          page?: number
        }
        header?: never
        path: {
          code: string
          tariff: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** how many results there are in all pages */
              count: number
              /** the absolute URL of the next page; null on the last */
              next: string | null
              /** the absolute URL of the previous page; null on the first */
              previous: string | null
              results: {
                /** pence (per kWh, or per day for a standing charge) */
                value_exc_vat: number
                /** pence (per kWh, or per day for a standing charge) */
                value_inc_vat: number
                /** an ISO 8601 instant */
                valid_from: string
                /** null while the rate is open-ended */
                valid_to: string | null
                /** null when the rate is the same for both */
                payment_method: ("DIRECT_DEBIT" | "NON_DIRECT_DEBIT") | null
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/v1/products/{code}/electricity-tariffs/{tariff}/standard-unit-rates/": {
    /** Octopus-compatible electricity standard unit rates, newest first */
    get: {
      parameters: {
        query?: {
          period_from?: string
          period_to?: string
          page_size?: number
          page?: number
        }
        header?: never
        path: {
          code: string
          tariff: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** how many results there are in all pages */
              count: number
              /** the absolute URL of the next page; null on the last */
              next: string | null
              /** the absolute URL of the previous page; null on the first */
              previous: string | null
              results: {
                /** pence (per kWh, or per day for a standing charge) */
                value_exc_vat: number
                /** pence (per kWh, or per day for a standing charge) */
                value_inc_vat: number
                /** an ISO 8601 instant */
                valid_from: string
                /** null while the rate is open-ended */
                valid_to: string | null
                /** null when the rate is the same for both */
                payment_method: ("DIRECT_DEBIT" | "NON_DIRECT_DEBIT") | null
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/v1/products/{code}/electricity-tariffs/{tariff}/standing-charges": {
    /** Octopus-compatible electricity standing charges, newest first */
    get: {
      parameters: {
        query?: {
          period_from?: string
          period_to?: string
          page_size?: number
          page?: number
        }
        header?: never
        path: {
          code: string
          tariff: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** how many results there are in all pages */
              count: number
              /** the absolute URL of the next page; null on the last */
              next: string | null
              /** the absolute URL of the previous page; null on the first */
              previous: string | null
              results: {
                /** pence (per kWh, or per day for a standing charge) */
                value_exc_vat: number
                /** pence (per kWh, or per day for a standing charge) */
                value_inc_vat: number
                /** an ISO 8601 instant */
                valid_from: string
                /** null while the rate is open-ended */
                valid_to: string | null
                /** null when the rate is the same for both */
                payment_method: ("DIRECT_DEBIT" | "NON_DIRECT_DEBIT") | null
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/v1/products/{code}/electricity-tariffs/{tariff}/standing-charges/": {
    /** Octopus-compatible electricity standing charges, newest first */
    get: {
      parameters: {
        query?: {
          period_from?: string
          period_to?: string
          page_size?: number
          page?: number
        }
        header?: never
        path: {
          code: string
          tariff: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** how many results there are in all pages */
              count: number
              /** the absolute URL of the next page; null on the last */
              next: string | null
              /** the absolute URL of the previous page; null on the first */
              previous: string | null
              results: {
                /** pence (per kWh, or per day for a standing charge) */
                value_exc_vat: number
                /** pence (per kWh, or per day for a standing charge) */
                value_inc_vat: number
                /** an ISO 8601 instant */
                valid_from: string
                /** null while the rate is open-ended */
                valid_to: string | null
                /** null when the rate is the same for both */
                payment_method: ("DIRECT_DEBIT" | "NON_DIRECT_DEBIT") | null
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/v1/products/{code}/gas-tariffs/{tariff}/standard-unit-rates": {
    /** Octopus-compatible gas standard unit rates, newest first */
    get: {
      parameters: {
        query?: {
          period_from?: string
          period_to?: string
          page_size?: number
          page?: number
        }
        header?: never
        path: {
          code: string
          tariff: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** how many results there are in all pages */
              count: number
              /** the absolute URL of the next page; null on the last */
              next: string | null
              /** the absolute URL of the previous page; null on the first */
              previous: string | null
              results: {
                /** pence (per kWh, or per day for a standing charge) */
                value_exc_vat: number
                /** pence (per kWh, or per day for a standing charge) */
                value_inc_vat: number
                /** an ISO 8601 instant */
                valid_from: string
                /** null while the rate is open-ended */
                valid_to: string | null
                /** null when the rate is the same for both */
                payment_method: ("DIRECT_DEBIT" | "NON_DIRECT_DEBIT") | null
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/v1/products/{code}/gas-tariffs/{tariff}/standard-unit-rates/": {
    /** Octopus-compatible gas standard unit rates, newest first */
    get: {
      parameters: {
        query?: {
          period_from?: string
          period_to?: string
          page_size?: number
          page?: number
        }
        header?: never
        path: {
          code: string
          tariff: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** how many results there are in all pages */
              count: number
              /** the absolute URL of the next page; null on the last */
              next: string | null
              /** the absolute URL of the previous page; null on the first */
              previous: string | null
              results: {
                /** pence (per kWh, or per day for a standing charge) */
                value_exc_vat: number
                /** pence (per kWh, or per day for a standing charge) */
                value_inc_vat: number
                /** an ISO 8601 instant */
                valid_from: string
                /** null while the rate is open-ended */
                valid_to: string | null
                /** null when the rate is the same for both */
                payment_method: ("DIRECT_DEBIT" | "NON_DIRECT_DEBIT") | null
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/v1/products/{code}/gas-tariffs/{tariff}/standing-charges": {
    /** Octopus-compatible gas standing charges, newest first */
    get: {
      parameters: {
        query?: {
          period_from?: string
          period_to?: string
          page_size?: number
          page?: number
        }
        header?: never
        path: {
          code: string
          tariff: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** how many results there are in all pages */
              count: number
              /** the absolute URL of the next page; null on the last */
              next: string | null
              /** the absolute URL of the previous page; null on the first */
              previous: string | null
              results: {
                /** pence (per kWh, or per day for a standing charge) */
                value_exc_vat: number
                /** pence (per kWh, or per day for a standing charge) */
                value_inc_vat: number
                /** an ISO 8601 instant */
                valid_from: string
                /** null while the rate is open-ended */
                valid_to: string | null
                /** null when the rate is the same for both */
                payment_method: ("DIRECT_DEBIT" | "NON_DIRECT_DEBIT") | null
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  "/v1/products/{code}/gas-tariffs/{tariff}/standing-charges/": {
    /** Octopus-compatible gas standing charges, newest first */
    get: {
      parameters: {
        query?: {
          period_from?: string
          period_to?: string
          page_size?: number
          page?: number
        }
        header?: never
        path: {
          code: string
          tariff: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        200: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": {
              /** how many results there are in all pages */
              count: number
              /** the absolute URL of the next page; null on the last */
              next: string | null
              /** the absolute URL of the previous page; null on the first */
              previous: string | null
              results: {
                /** pence (per kWh, or per day for a standing charge) */
                value_exc_vat: number
                /** pence (per kWh, or per day for a standing charge) */
                value_inc_vat: number
                /** an ISO 8601 instant */
                valid_from: string
                /** null while the rate is open-ended */
                valid_to: string | null
                /** null when the rate is the same for both */
                payment_method: ("DIRECT_DEBIT" | "NON_DIRECT_DEBIT") | null
              }[]
            }
          }
        }
        400: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
        404: {
          headers: { [name: string]: unknown }
          content: {
            "application/json": components['schemas']["OctopusError"]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
}

export interface components {
  schemas: {
    "Brand": {
      /** The supplier's name */
      name: string
      /** ISO 4217 currency code money is kept in (amounts are its minor units) */
      currency: string
      /** BCP 47 locale the market writes dates and numbers in */
      locale: string
      /** IANA time zone of the supplier’s market */
      timeZone: string
    }
    "BrandInput": {
      /** The supplier's name */
      name: string
      /** ISO 4217 currency code money is kept in (amounts are its minor units) */
      currency: string
      /** BCP 47 locale the market writes dates and numbers in */
      locale: string
      /** IANA time zone of the supplier’s market */
      timeZone: string
    }
    "Error": {
      error: {
        /** A stable code, e.g. NOT_FOUND, VALIDATION_FAILED, CONFLICT */
        code: string
        /** What went wrong, in words a person can act on */
        message: string
        /** The fields to blame, as [{ path, message }], when a field is to blame */
        details?: unknown
      }
    }
    "ErrorInput": {
      error: {
        /** A stable code, e.g. NOT_FOUND, VALIDATION_FAILED, CONFLICT */
        code: string
        /** What went wrong, in words a person can act on */
        message: string
        /** The fields to blame, as [{ path, message }], when a field is to blame */
        details?: unknown
      }
    }
    "OctopusError": {
      [key: string]: string | string[]
    }
    "OctopusErrorInput": {
      [key: string]: string | string[]
    }
    "Quote": {
      postcode: string
      region: {
        code: string
        name: string
      }
      /** regions a boundary district may be in: the MPAN settles it */
      otherRegions: {
        code: string
        name: string
      }[]
      paymentMethod: "DIRECT_DEBIT" | "NON_DIRECT_DEBIT"
      /** an ISO 8601 instant in UTC */
      pricesAt: string
      consumption: {
        electricityKwh: number
        gasKwh: number | null
        /** 'given', or the typical level used */
        electricitySource: string
        gasSource: string | null
      }
      products: {
        code: string
        displayName: string
        fullName: string
        description: string
        isVariable: boolean
        isGreen: boolean
        term: number | null
        /** minor units (pence), as a string */
        exitFeeMinor: string
        fuels: {
          fuel: "electricity" | "gas"
          tariffCode: string
          /** pence per kWh including VAT */
          unitRateIncVat: string
          /** pence per day including VAT */
          standingChargeIncVat: string
          annualKwh: number
          /** minor units (pence), as a string */
          annualCostMinor: string
        }[]
        /** kWh × unit rate + 365 × standing charge, VAT included, rounded once */
        annualCostMinor: string
      }[]
      notQuoted: {
        code: string
        displayName: string
        structure: string
        direction: string
        reason: string
      }[]
      coolingOffDays: number
      /** the Direct Debit Guarantee in full, to show before a mandate */
      directDebitGuarantee: string
    }
    "QuoteInput": {
      postcode: string
      region: {
        code: string
        name: string
      }
      /** regions a boundary district may be in: the MPAN settles it */
      otherRegions: {
        code: string
        name: string
      }[]
      paymentMethod: "DIRECT_DEBIT" | "NON_DIRECT_DEBIT"
      /** an ISO 8601 instant in UTC */
      pricesAt: string
      consumption: {
        electricityKwh: number
        gasKwh: number | null
        /** 'given', or the typical level used */
        electricitySource: string
        gasSource: string | null
      }
      products: {
        code: string
        displayName: string
        fullName: string
        description: string
        isVariable: boolean
        isGreen: boolean
        term: number | null
        /** minor units (pence), as a string */
        exitFeeMinor: string
        fuels: {
          fuel: "electricity" | "gas"
          tariffCode: string
          /** pence per kWh including VAT */
          unitRateIncVat: string
          /** pence per day including VAT */
          standingChargeIncVat: string
          annualKwh: number
          /** minor units (pence), as a string */
          annualCostMinor: string
        }[]
        /** kWh × unit rate + 365 × standing charge, VAT included, rounded once */
        annualCostMinor: string
      }[]
      notQuoted: {
        code: string
        displayName: string
        structure: string
        direction: string
        reason: string
      }[]
      coolingOffDays: number
      /** the Direct Debit Guarantee in full, to show before a mandate */
      directDebitGuarantee: string
    }
    "SignUp": {
      accountNumber: string
      /** a date, YYYY-MM-DD */
      openedOn: string
      /** the requested supply start; pending until the switch completes */
      supplyStartsOn: string
      supplyStatus: "pending"
      /** a date, YYYY-MM-DD */
      coolingOffEndsOn: string
      meterPoints: {
        identifier: string
        tariffCode: string
      }[]
      directDebit: {
        bankLast4: string
        paymentDay: number
      } | null
    }
    "SignUpInput": {
      accountNumber: string
      /** a date, YYYY-MM-DD */
      openedOn: string
      /** the requested supply start; pending until the switch completes */
      supplyStartsOn: string
      supplyStatus: "pending"
      /** a date, YYYY-MM-DD */
      coolingOffEndsOn: string
      meterPoints: {
        identifier: string
        tariffCode: string
      }[]
      directDebit: {
        bankLast4: string
        paymentDay: number
      } | null
    }
  }
}
