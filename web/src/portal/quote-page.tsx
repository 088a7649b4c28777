/**
 * The public quote page (ONB-1) at `/portal/quote`, reachable without signing in: a postcode and,
 * when known, a year's kWh (else a typical low, medium or high home), then each tariff on sale in
 * the region with its prices and an estimated annual cost, and a way on to sign up for one.
 */
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { Link } from '../router.js'
import { createCuttleClient, dataOf, type paths, type ResponseOf } from '../shared/api-client.js'
import { ApiError } from '../shared/api-error.js'
import { SelectField, TextField } from '../shared/form-field.js'
import { useFormValues } from '../shared/form-values.js'
import { formatMinor } from '../shared/money.js'
import { FormError, submitted } from '../shared/mutation-form.js'
import { portalPaths } from './portal-routes.js'

export type Quote = ResponseOf<'/api/quote', 'get'>
type QuoteQuery = NonNullable<paths['/api/quote']['get']['parameters']['query']>

const client = createCuttleClient()

/** A quote for the postcode and consumption. @throws ApiError (an unknown postcode names `postcode`) */
export function fetchQuote(query: Record<string, string>): Promise<Quote> {
  const asked: QuoteQuery = { ...query, postcode: query.postcode ?? '' } as QuoteQuery
  return dataOf(client.GET('/api/quote', { params: { query: asked } }))
}

export const quoteKey = (query: Record<string, string>) => ['quote', query] as const

const usageOptions = [
  { value: 'low', label: 'Low: a small flat, or out most of the day' },
  { value: 'medium', label: 'Medium: a typical home' },
  { value: 'high', label: 'High: a large home, or at home all day' },
]
const fuelOptions = [
  { value: 'electricity', label: 'Electricity only' },
  { value: 'dual', label: 'Electricity and gas' },
]

/** The query a filled form asks: empty kWh fields are left out, so typical values are used. */
function queryOf(values: Record<string, string>): Record<string, string> {
  const query: Record<string, string> = { postcode: values.postcode?.trim() ?? '', usage: values.usage ?? 'medium' }
  if (values.fuels) query.fuels = values.fuels
  if (values.electricityKwh?.trim()) query.electricityKwh = values.electricityKwh.trim()
  if (values.fuels === 'dual' && values.gasKwh?.trim()) query.gasKwh = values.gasKwh.trim()
  return query
}

export function QuotePage() {
  const form = useFormValues({ postcode: '', electricityKwh: '', gasKwh: '', usage: 'medium', fuels: 'electricity' })
  const [asked, setAsked] = useState<Record<string, string> | null>(null)
  const quote = useQuery({
    queryKey: quoteKey(asked ?? {}),
    queryFn: () => fetchQuote(asked ?? {}),
    enabled: asked !== null,
    retry: false,
  })
  const problems = quote.error instanceof ApiError ? quote.error.fieldProblems() : {}
  const message =
    quote.error && Object.keys(problems).length === 0
      ? quote.error instanceof ApiError
        ? quote.error.message
        : 'The quote could not be worked out.'
      : null

  return (
    <div className="portal-stack" data-testid="quote-page">
      <section className="portal-card" aria-labelledby="quote-title">
        <h1 className="portal-title" id="quote-title">
          Get a quote
        </h1>
        <p className="muted">
          Tell us your postcode. If you know how much energy you use a year (it is on your bills), enter it; if not, we
          use Ofgem’s typical figures.
        </p>
        <form className="form" onSubmit={submitted(() => setAsked(queryOf(form.values)))}>
          <TextField
            {...form.bind('postcode', problems)}
            label="Postcode"
            autoComplete="postal-code"
            required
            maxLength={12}
            data-testid="quote-postcode"
          />
          <SelectField {...form.bindChoice('fuels')} label="What you need" options={fuelOptions} />
          <TextField
            {...form.bind('electricityKwh', problems)}
            label="Electricity a year (kWh)"
            optional
            inputMode="numeric"
            pattern="[0-9]*"
            maxLength={6}
            data-testid="quote-electricity-kwh"
          />
          {form.values.fuels === 'dual' && (
            <TextField
              {...form.bind('gasKwh', problems)}
              label="Gas a year (kWh)"
              optional
              inputMode="numeric"
              pattern="[0-9]*"
              maxLength={6}
            />
          )}
          <SelectField
            {...form.bindChoice('usage')}
            label="If you don’t know, your home’s use"
            options={usageOptions}
          />
          <FormError error={message} testId="quote-error" />
          <button type="submit" className="button button-primary button-block" data-testid="quote-submit">
            {quote.isFetching ? 'Working out your quote…' : 'Show prices'}
          </button>
        </form>
      </section>
      {quote.data && <QuoteResults quote={quote.data} />}
    </div>
  )
}

function QuoteResults({ quote }: { quote: Quote }) {
  const { consumption } = quote
  const assumed = [
    `${consumption.electricityKwh.toLocaleString('en-GB')} kWh of electricity${consumption.electricitySource === 'given' ? '' : ` (typical ${consumption.electricitySource})`}`,
    consumption.gasKwh === null
      ? null
      : `${consumption.gasKwh.toLocaleString('en-GB')} kWh of gas${consumption.gasSource === 'given' ? '' : ` (typical ${consumption.gasSource})`}`,
  ]
    .filter(Boolean)
    .join(' and ')
  return (
    <section className="portal-card" aria-labelledby="quote-results-title" data-testid="quote-results">
      <h2 className="portal-subtitle" id="quote-results-title">
        Prices for {quote.postcode} ({quote.region.name})
      </h2>
      <p className="muted">
        Estimated for {assumed} a year, paying by {quote.paymentMethod === 'DIRECT_DEBIT' ? 'Direct Debit' : 'bill'}, at
        today’s prices including VAT.
      </p>
      {quote.products.length === 0 && <p>We have no tariffs to quote for here at the moment.</p>}
      <ul className="portal-account-list">
        {quote.products.map((product) => (
          <li key={product.code} className="portal-card" data-testid={`quote-product-${product.code}`}>
            <h3 className="portal-subtitle">{product.displayName}</h3>
            <p className="portal-balance-figure">{formatMinor(product.annualCostMinor)} a year</p>
            <ul className="portal-method-list">
              {product.fuels.map((fuel) => (
                <li key={fuel.fuel}>
                  {fuel.fuel === 'electricity' ? 'Electricity' : 'Gas'}: {fuel.unitRateIncVat}p per kWh,{' '}
                  {fuel.standingChargeIncVat}p a day standing charge
                </li>
              ))}
              <li>{product.term ? `Fixed for ${product.term} months` : 'Variable prices'}</li>
              {product.exitFeeMinor !== '0' && <li>Exit fee {formatMinor(product.exitFeeMinor)} per fuel</li>}
            </ul>
            <p>{product.description}</p>
            <Link
              className="button button-primary"
              to={portalPaths.signUp({
                postcode: quote.postcode,
                product: product.code,
                fuels: consumption.gasKwh === null ? 'electricity' : 'dual',
              })}
            >
              Sign up for {product.displayName}
            </Link>
          </li>
        ))}
      </ul>
      {quote.notQuoted.length > 0 && (
        <>
          <h3 className="portal-subtitle">Also available, not estimated</h3>
          <ul className="portal-method-list">
            {quote.notQuoted.map((product) => (
              <li key={product.code}>
                {product.displayName}: {product.reason}.{' '}
                {product.direction === 'IMPORT' && (
                  <Link
                    to={portalPaths.signUp({ postcode: quote.postcode, product: product.code, fuels: 'electricity' })}
                  >
                    Sign up
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
