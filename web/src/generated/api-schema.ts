// Generated from /openapi.json by scripts/api-types.ts (`npm run generate:api`). Do not edit.

export interface paths {
  "/api/accounts": {
    /** Search accounts by number, name, phone, email, postcode or address (tolerant of misspellings) */
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
              team: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer"
            } | {
              kind: "none"
            }
          }
        }
      }
      responses: {
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
            template: "payment_reminder" | "final_notice" | "disconnection_notice" | "debt_collection_referral" | "payment_arrangement_terms" | "appointment_confirmation" | "rate_change_notice" | "dispute_acknowledgement" | "authorised_user_invitation" | "account_user_notice" | "general_message"
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
            template: "payment_reminder" | "final_notice" | "disconnection_notice" | "debt_collection_referral" | "payment_arrangement_terms" | "appointment_confirmation" | "rate_change_notice" | "dispute_acknowledgement" | "authorised_user_invitation" | "account_user_notice" | "general_message"
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
            template: "payment_reminder" | "final_notice" | "disconnection_notice" | "debt_collection_referral" | "payment_arrangement_terms" | "appointment_confirmation" | "rate_change_notice" | "dispute_acknowledgement" | "authorised_user_invitation" | "account_user_notice" | "general_message"
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
                  }[]
                }[]
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
    post?: never
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
    /** The account's timeline, newest first: statements, payments and credits, messages, notes, account changes, cases and visits. Each kind is shown only to a role that may call that kind's own route (statements need billing.statement.read, payments payments.history.read, messages comms.message.read, cases cases.case.read, visits field.appointment.read; a change needs the permission of what it changed); a kind asked for in `kinds` that the role may not see is left out, not refused. */
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
              team: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer"
            } | {
              kind: "none"
            }
          }
        }
      }
      responses: {
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
                key: "payment_reminder" | "final_notice" | "disconnection_notice" | "debt_collection_referral" | "payment_arrangement_terms" | "appointment_confirmation" | "rate_change_notice" | "dispute_acknowledgement" | "authorised_user_invitation" | "account_user_notice" | "general_message"
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
    /** Change my email, phone, paper or paperless billing, SMS (needs update_contact) */
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
            smsEnrolled?: boolean
          }
        }
      }
      responses: {
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
          }
        }
      }
      responses: {
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
                role: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer"
                /** the title of one member of the role, e.g. 'Customer Service Agent' */
                label: string
                accessLevel: string
                badgeColour: "blue" | "purple" | "green" | "orange" | "red" | "black" | "gold"
                /** who they are */
                summary: string
                /** the role whose permissions this one includes */
                inherits: ("agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer") | null
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
                role: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer"
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
            role: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer"
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
                role: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer"
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
                role: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer"
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
                role: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer"
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
                role: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer"
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
            role: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer"
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
                role: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer"
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
                role: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer"
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
                role: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer"
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
                role: "agent" | "supervisor" | "billing_specialist" | "field_technician" | "collections_specialist" | "it_administrator" | "executive" | "export_specialist" | "legal_reviewer"
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
  }
}
