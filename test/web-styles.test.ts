/**
 * The web app styles through tokens (issue 20, item 10): no raw colour, and no pixel spacing, radius
 * or type size, outside web/src/styles/tokens.css, so a supplier re-brands by changing tokens only.
 */
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  codeProblems,
  declaredTokens,
  stylesheetProblems,
  tokensFileProblems,
  webStyleProblems,
} from '../scripts/check-web-styles.js'
import { faviconDataUrl, tokenValue } from '../web/vite.config.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const tokens = declaredTokens(':root {\n  --accent: #0f6f8c;\n  --space-8: 8px;\n  --text-13: 13px;\n}')

describe('the web styles', () => {
  it('find no raw colour, pixel size or undeclared token in the project', () => {
    expect(webStyleProblems(root)).toEqual([])
  })

  it('refuse a raw colour in a stylesheet, however it is written', () => {
    for (const colour of ['#fff', '#0F6F8C', 'rgb(1, 2, 3)', 'rgba(0, 0, 0, 0.5)', 'hsl(200 50% 40%)']) {
      expect(stylesheetProblems('a.css', `.x {\n  color: ${colour};\n}`, tokens), colour).toEqual([
        expect.stringMatching(/^a\.css:2: a raw colour/),
      ])
    }
  })

  it('refuse pixel spacing, radii and type sizes, but not other pixel lengths', () => {
    const css = '.x {\n  padding: 4px var(--space-8);\n  font-size: 13px;\n  border-radius: 3px;\n  width: 30px;\n}'
    expect(stylesheetProblems('a.css', css, tokens)).toEqual([
      expect.stringMatching(/^a\.css:2: a pixel size in padding/),
      expect.stringMatching(/^a\.css:3: a pixel size in font-size/),
      expect.stringMatching(/^a\.css:4: a pixel size in border-radius/),
    ])
  })

  it('refuse a token that is not declared, and a custom property declared outside the tokens', () => {
    expect(stylesheetProblems('a.css', '.x {\n  color: var(--acent);\n  --local: 1px;\n}', tokens)).toEqual([
      'a.css:2: --acent is not declared in web/src/styles/tokens.css',
      'a.css:3: a custom property; declare tokens in web/src/styles/tokens.css',
    ])
  })

  it('ignore colours in comments', () => {
    expect(stylesheetProblems('a.css', '/* was #fff */\n.x {\n  color: var(--accent);\n}', tokens)).toEqual([])
  })

  it('keep the tokens file to custom properties', () => {
    expect(
      tokensFileProblems(
        't.css',
        ':root {\n  --a: #fff;\n}\n\n@media (max-width: 8px) {\n  :root {\n    --a: #000;\n  }\n}',
      ),
    ).toEqual([])
    expect(tokensFileProblems('t.css', ':root {\n  --a: #fff;\n  color: red;\n}')).toEqual([
      't.css:3: only custom properties belong here',
    ])
  })

  it('refuse a raw colour written in the code (a canvas or an inline style)', () => {
    expect(codeProblems('a.tsx', "const fill = '#e0a43a'")).toEqual([expect.stringMatching(/^a\.tsx:1: a raw colour/)])
    expect(codeProblems('a.tsx', 'const colour = `rgba(0, 0, 0, 0.5)`')).toHaveLength(1)
    expect(codeProblems('a.tsx', "<a href='#content'>Skip</a>")).toEqual([])
  })

  it('draw the tab icon in the brand token, so a re-brand changes it too', () => {
    expect(tokenValue('brand')).toMatch(/^#[0-9a-f]{6}$/i)
    const icon = decodeURIComponent(faviconDataUrl(tokenValue('brand')))
    expect(icon).toContain(`fill='${tokenValue('brand')}'`)
    expect(() => tokenValue('no-such-token')).toThrow(/has no --no-such-token/)
    expect(codeProblems('web/index.html', `<rect fill='#154a5c'/>`)).toHaveLength(1)
  })
})
