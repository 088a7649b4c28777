import { describe, expect, it } from 'vitest'
import { passwordProblems } from './password-policy.js'

const email = 'someone@example.com'
// The demo logins' password (`demoPassword` in src/demo/seed-demo.ts, which a module may not import).
const demoPassword = 'GoodEgg-demo-2026'

describe('the password policy for staff and portal users', () => {
  it('accepts the demo password and the passwords the tests use', () => {
    for (const password of [
      demoPassword,
      'correct horse battery',
      'a long enough passphrase',
      'Portal-password-2026',
    ]) {
      expect(passwordProblems(password, email)).toEqual([])
    }
  })

  it('refuses passwords shorter than 12 characters', () => {
    expect(passwordProblems('Xy7!kq2#Lm', email)).toEqual(['must be at least 12 characters'])
  })

  it('refuses a password of only digits, however long', () => {
    expect(passwordProblems('840261937512', email)).toContain('must not be only digits')
  })

  it('refuses a common password whatever its case, and with digits or symbols added at the end', () => {
    for (const password of ['baseball1234', 'BASEBALL1234', 'Password123!', 'iloveyou2026!!', 'Trustno1!2345']) {
      expect(passwordProblems(password, email)).toContain('must not be a common password')
    }
  })

  it('refuses the email address as the password', () => {
    expect(passwordProblems('Someone@Example.com', email)).toContain('must not be the email address')
  })
})
