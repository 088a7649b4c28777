/**
 * The public sign-up form (ONB-2) at `/portal/sign-up?postcode=…&product=…`, reached from a quote:
 * the customer, the supply address, the MPAN (and MPRN), the way of paying with the Direct Debit
 * Guarantee shown in full before confirming, the consents; then the account number and the end of
 * the 14-day cooling-off period. Every refusal is shown beside its field.
 */
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { Link, useLocation } from '../router.js'
import { createCuttleClient, dataOf, type RequestOf, type ResponseOf } from '../shared/api-client.js'
import { TextField } from '../shared/form-field.js'
import { useFormValues } from '../shared/form-values.js'
import { formatCalendarDate } from '../shared/format.js'
import { useFormMutation } from '../shared/mutation.js'
import { FormError, submitted } from '../shared/mutation-form.js'
import { portalPaths } from './portal-routes.js'
import { fetchQuote, quoteKey } from './quote-page.js'

type SignUpInput = RequestOf<'/api/sign-ups', 'post'>
type SignUpResult = ResponseOf<'/api/sign-ups', 'post'>

const client = createCuttleClient()

function postSignUp(body: SignUpInput): Promise<SignUpResult> {
  return dataOf(client.POST('/api/sign-ups', { body }))
}

export function SignUpPage() {
  const search = new URLSearchParams(useLocation().search)
  const postcode = search.get('postcode') ?? ''
  const productCode = search.get('product') ?? ''
  const fuels = search.get('fuels') === 'dual' ? 'dual' : 'electricity'
  const query = { postcode, fuels }
  const quote = useQuery({
    queryKey: quoteKey(query),
    queryFn: () => fetchQuote(query),
    enabled: postcode !== '',
    retry: false,
  })
  const form = useFormValues({
    givenName: '',
    familyName: '',
    email: '',
    phone: '',
    line1: '',
    line2: '',
    town: '',
    mpan: '',
    mprn: '',
    accountHolder: '',
    sortCode: '',
    accountNumber: '',
  })
  const [payByDirectDebit, setPayByDirectDebit] = useState(true)
  const [guaranteeRead, setGuaranteeRead] = useState(false)
  const [terms, setTerms] = useState(false)
  const [marketing, setMarketing] = useState(false)
  const [smartMeter, setSmartMeter] = useState(false)
  const [evOrCharger, setEvOrCharger] = useState(false)
  const signUp = useFormMutation({ mutationFn: postSignUp, failure: 'The sign-up could not be completed.' })
  const { problems } = signUp

  if (!postcode || !productCode) {
    return (
      <section className="portal-card portal-narrow">
        <h1 className="portal-title">Sign up</h1>
        <p>
          Start with a quote for your postcode, then choose a tariff. <Link to={portalPaths.quote()}>Get a quote</Link>
        </p>
      </section>
    )
  }
  if (signUp.result) {
    const done = signUp.result
    return (
      <section className="portal-card portal-narrow portal-confirmation" data-testid="sign-up-done">
        <h1 className="portal-title">Welcome aboard</h1>
        <p>
          Your account number is <strong data-testid="sign-up-account-number">{done.accountNumber}</strong>. We have
          emailed you your tariff’s key facts.
        </p>
        <p>
          We have asked for your supply to move to us on {formatCalendarDate(done.supplyStartsOn)}. You can cancel
          without charge until {formatCalendarDate(done.coolingOffEndsOn)}.
        </p>
      </section>
    )
  }

  const product =
    quote.data?.products.find((candidate) => candidate.code === productCode) ??
    quote.data?.notQuoted.find((candidate) => candidate.code === productCode)
  const values = form.values
  const wantsGas = fuels === 'dual'

  function submit() {
    if (!quote.data) return
    const found: Record<string, string> = {}
    if (!terms) found['consents.terms'] = 'Please accept the terms to sign up.'
    if (payByDirectDebit && !guaranteeRead)
      found['payment.guaranteeAcknowledged'] = 'Please read and confirm the Direct Debit Guarantee.'
    if (!signUp.check(found)) return
    signUp.send({
      customer: {
        givenName: values.givenName,
        familyName: values.familyName,
        email: values.email,
        phone: values.phone,
      },
      supplyAddress: { line1: values.line1, line2: values.line2 || null, town: values.town, postcode },
      region: quote.data.region.code,
      mpan: values.mpan,
      mprn: wantsGas && values.mprn ? values.mprn : null,
      productCode,
      hasSmartMeter: smartMeter,
      hasEvOrCharger: evOrCharger,
      payment: payByDirectDebit
        ? {
            method: 'DIRECT_DEBIT',
            accountHolder: values.accountHolder,
            sortCode: values.sortCode,
            accountNumber: values.accountNumber,
            guaranteeAcknowledged: guaranteeRead,
          }
        : { method: 'NON_DIRECT_DEBIT' },
      consents: { terms, marketing },
    })
  }

  return (
    <section className="portal-card portal-narrow" aria-labelledby="sign-up-title" data-testid="sign-up-page">
      <h1 className="portal-title" id="sign-up-title">
        Sign up{product ? ` for ${product.displayName}` : ''}
      </h1>
      <p className="muted">
        Supply at {postcode}
        {quote.data ? ` (${quote.data.region.name})` : ''}. <Link to={portalPaths.quote()}>Change</Link>
      </p>
      <FormError error={signUp.error} testId="sign-up-error" />
      <form className="form" onSubmit={submitted(submit)}>
        <fieldset className="portal-fieldset">
          <legend>About you</legend>
          <TextField
            {...form.bind('givenName')}
            error={problems['customer.givenName']}
            label="First name"
            autoComplete="given-name"
            required
            maxLength={100}
          />
          <TextField
            {...form.bind('familyName')}
            error={problems['customer.familyName']}
            label="Last name"
            autoComplete="family-name"
            required
            maxLength={100}
          />
          <TextField
            {...form.bind('email')}
            error={problems['customer.email']}
            label="Email"
            type="email"
            autoComplete="email"
            required
            maxLength={320}
          />
          <TextField
            {...form.bind('phone')}
            error={problems['customer.phone']}
            label="Phone"
            type="tel"
            autoComplete="tel"
            required
            maxLength={30}
          />
        </fieldset>
        <fieldset className="portal-fieldset">
          <legend>Where we supply</legend>
          <TextField
            {...form.bind('line1')}
            error={problems['supplyAddress.line1']}
            label="Address"
            autoComplete="address-line1"
            required
            maxLength={100}
          />
          <TextField
            {...form.bind('line2')}
            label="Address line 2"
            optional
            autoComplete="address-line2"
            maxLength={100}
          />
          <TextField
            {...form.bind('town')}
            error={problems['supplyAddress.town']}
            label="Town"
            autoComplete="address-level2"
            required
            maxLength={100}
          />
          {problems['supplyAddress.postcode'] && (
            <p className="callout callout-error" role="alert">
              {problems['supplyAddress.postcode']}
            </p>
          )}
          <TextField
            {...form.bind('mpan')}
            error={problems.mpan}
            label="Electricity meter number (MPAN)"
            hint="The 13 digits at the bottom of the box on your electricity bill"
            inputMode="numeric"
            required
            maxLength={30}
            data-testid="sign-up-mpan"
          />
          {wantsGas && (
            <TextField
              {...form.bind('mprn')}
              error={problems.mprn}
              label="Gas meter number (MPRN)"
              hint="6 to 10 digits, on your gas bill"
              inputMode="numeric"
              maxLength={20}
            />
          )}
          <label className="portal-choice">
            <input type="checkbox" checked={smartMeter} onChange={(event) => setSmartMeter(event.target.checked)} />I
            have a smart meter that sends half-hourly readings
          </label>
          {problems.hasSmartMeter && <p className="callout callout-error">{problems.hasSmartMeter}</p>}
          <label className="portal-choice">
            <input type="checkbox" checked={evOrCharger} onChange={(event) => setEvOrCharger(event.target.checked)} />I
            have an electric car or charger
          </label>
          {problems.hasEvOrCharger && <p className="callout callout-error">{problems.hasEvOrCharger}</p>}
          {problems.productCode && <p className="callout callout-error">{problems.productCode}</p>}
        </fieldset>
        <fieldset className="portal-fieldset">
          <legend>How you pay</legend>
          <label className="portal-choice">
            <input type="radio" name="payment" checked={payByDirectDebit} onChange={() => setPayByDirectDebit(true)} />
            Direct Debit
          </label>
          <label className="portal-choice">
            <input
              type="radio"
              name="payment"
              checked={!payByDirectDebit}
              onChange={() => setPayByDirectDebit(false)}
            />
            Pay each bill
          </label>
        </fieldset>
        {payByDirectDebit && (
          <fieldset className="portal-fieldset">
            <legend>Your bank account</legend>
            <TextField
              {...form.bind('accountHolder')}
              error={problems['payment.accountHolder']}
              label="Name on the account"
              autoComplete="name"
              required
              maxLength={100}
            />
            <TextField
              {...form.bind('sortCode')}
              error={problems['payment.sortCode']}
              label="Sort code"
              inputMode="numeric"
              required
              maxLength={8}
            />
            <TextField
              {...form.bind('accountNumber')}
              error={problems['payment.accountNumber']}
              label="Account number"
              inputMode="numeric"
              required
              maxLength={8}
            />
            <section aria-labelledby="dd-guarantee-title" className="portal-card" data-testid="dd-guarantee">
              {(quote.data?.directDebitGuarantee ?? '').split('\n\n').map((paragraph, index) =>
                index === 0 ? (
                  <h2 key={paragraph} className="portal-subtitle" id="dd-guarantee-title">
                    {paragraph}
                  </h2>
                ) : (
                  <p key={paragraph}>{paragraph}</p>
                ),
              )}
            </section>
            <label className="portal-choice">
              <input
                type="checkbox"
                checked={guaranteeRead}
                onChange={(event) => setGuaranteeRead(event.target.checked)}
              />
              I have read the Direct Debit Guarantee and I am the account holder
            </label>
            {problems['payment.guaranteeAcknowledged'] && (
              <p className="callout callout-error">{problems['payment.guaranteeAcknowledged']}</p>
            )}
          </fieldset>
        )}
        <fieldset className="portal-fieldset">
          <legend>Your choices</legend>
          <label className="portal-choice">
            <input type="checkbox" checked={terms} onChange={(event) => setTerms(event.target.checked)} />I accept the
            terms and conditions
          </label>
          {problems['consents.terms'] && <p className="callout callout-error">{problems['consents.terms']}</p>}
          <label className="portal-choice">
            <input type="checkbox" checked={marketing} onChange={(event) => setMarketing(event.target.checked)} />
            Send me news and offers (optional)
          </label>
        </fieldset>
        <p className="muted">You can change your mind within 14 days of signing up and cancel without charge.</p>
        <button
          type="submit"
          className="button button-primary button-block"
          disabled={signUp.sending || !quote.data}
          data-testid="sign-up-submit"
        >
          {signUp.sending ? 'Signing you up…' : 'Confirm and sign up'}
        </button>
      </form>
    </section>
  )
}
