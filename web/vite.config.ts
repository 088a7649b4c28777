import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

/**
 * The agent console and the customer portal: two entries, `index.html` (the console) and
 * `portal.html` (the portal, served for `/portal` and below). Pages are loaded lazily, so each entry
 * downloads only its own shell; code both use lands in shared chunks. The server serves the build
 * output (`web/dist`) at `/` and answers unknown paths with the right entry page; during `vite`
 * development the same choice is made by the middleware below and the API is proxied to a server
 * started separately on port 3000.
 */
const webRoot = fileURLToPath(new URL('.', import.meta.url))

/** No JavaScript or CSS file of the build may be larger than this (bytes; 250 kB as Vite counts). */
export const chunkSizeLimitBytes = 250_000

/** Fails the build, naming the files, when a chunk or stylesheet is over `limitBytes`. */
export function chunkSizeLimit(limitBytes: number): Plugin {
  return {
    name: 'cuttle:chunk-size-limit',
    apply: 'build',
    generateBundle(_options, bundle) {
      const over = Object.values(bundle)
        .filter((output) => /\.(js|css)$/.test(output.fileName))
        .map((output) => ({
          fileName: output.fileName,
          bytes: Buffer.byteLength(output.type === 'chunk' ? output.code : output.source),
        }))
        .filter(({ bytes }) => bytes > limitBytes)
      if (over.length > 0) {
        this.error(
          `chunks over ${limitBytes} bytes: ${over.map(({ fileName, bytes }) => `${fileName} (${bytes} bytes)`).join(', ')}; load more lazily or split them`,
        )
      }
    },
  }
}

/** The value of a custom property in the design tokens (`src/styles/tokens.css`). */
export function tokenValue(name: string): string {
  const tokens = readFileSync(fileURLToPath(new URL('./src/styles/tokens.css', import.meta.url)), 'utf8')
  const value = new RegExp(`--${name}:\\s*([^;]+);`).exec(tokens)?.[1]?.trim()
  if (!value) throw new Error(`web/src/styles/tokens.css has no --${name}`)
  return value
}

/** The tab icon: a rounded square in the brand colour with a white initial, as an SVG data URL. */
export function faviconDataUrl(fill: string): string {
  const svg = `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'><rect width='32' height='32' rx='7' fill='${fill}'/><text x='16' y='22' font-size='17' text-anchor='middle' fill='white' font-family='sans-serif' font-weight='700'>C</text></svg>`
  return `data:image/svg+xml,${encodeURIComponent(svg)}`
}

/**
 * Adds the tab icon to both entry pages in the brand colour the tokens give, so a re-brand changes
 * it with the rest of the tokens.
 */
function brandFavicon(): Plugin {
  return {
    name: 'cuttle:brand-favicon',
    transformIndexHtml: () => [
      { tag: 'link', attrs: { rel: 'icon', href: faviconDataUrl(tokenValue('brand')) }, injectTo: 'head' },
    ],
  }
}

/** Whether a request path belongs to the customer portal (as `portal/portal-routes.ts` and the server decide). */
function isPortalRequest(url: string): boolean {
  const path = url.split('?')[0] ?? ''
  return path === '/portal' || path.startsWith('/portal/')
}

/** In development, answers portal paths with `portal.html`, as the server does in production. */
function portalPageInDevelopment(): Plugin {
  return {
    name: 'cuttle:portal-page',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((request, _response, next) => {
        if (request.url && request.headers.accept?.includes('text/html') && isPortalRequest(request.url)) {
          request.url = '/portal.html'
        }
        next()
      })
    },
  }
}

export default defineConfig({
  root: webRoot,
  plugins: [react(), brandFavicon(), portalPageInDevelopment(), chunkSizeLimit(chunkSizeLimitBytes)],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: chunkSizeLimitBytes / 1000,
    rolldownOptions: {
      input: {
        console: fileURLToPath(new URL('./index.html', import.meta.url)),
        portal: fileURLToPath(new URL('./portal.html', import.meta.url)),
      },
      output: {
        // React is what both entries load first and change least: one chunk, cached across deploys.
        codeSplitting: { groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ }] },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
    },
  },
})
