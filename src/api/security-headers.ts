/**
 * Headers every response carries (issue 19, hole 7; ASVS 14.4), errors included, set with
 * @fastify/helmet as each request starts: a Content-Security-Policy the built console, the portal and
 * the /docs page work under (scripts and styles only from this origin, images also as data: URLs;
 * nothing may frame Cuttle), nosniff, no referrer, and HSTS only when the public URL is https.
 * Responses that may carry personal data are never stored by a browser or a proxy: everything under
 * /api/, and every /v1/ route that needs a signed-in user (the public product lists stay cacheable).
 */
import helmet from '@fastify/helmet'
import type { FastifyInstance } from 'fastify'

const self = "'self'"
const swaggerUiStyleHash = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='"

/** The policy: the Vite build has no inline script or style (checked against web/dist). */
export function contentSecurityPolicy(https: boolean) {
  return {
    useDefaults: false,
    directives: {
      defaultSrc: [self],
      baseUri: [self],
      connectSrc: [self],
      fontSrc: [self],
      formAction: [self],
      frameAncestors: ["'none'"],
      imgSrc: [self, 'data:'],
      objectSrc: ["'none'"],
      scriptSrc: [self],
      scriptSrcAttr: ["'none'"],
      // Swagger UI (/docs) inserts one fixed <style> element as it starts; its hash admits exactly
      // that text and no other inline style (the browser test of the policy names it if it changes).
      styleSrc: [self, swaggerUiStyleHash],
      ...(https ? { upgradeInsecureRequests: [] } : {}),
    },
  }
}

/** Register the headers on every route, and `Cache-Control: no-store` on personal data. */
export async function secureHeaders(app: FastifyInstance, { https }: { https: boolean }): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: contentSecurityPolicy(https),
    // A year, subdomains included; only over https, where the browser will honour it.
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  })
  app.addHook('onSend', async (request, reply, payload) => {
    const url = request.url
    const personal =
      url.startsWith('/api/') || (url.startsWith('/v1/') && request.routeOptions.config?.permission !== 'public')
    if (personal) reply.header('cache-control', 'no-store')
    return payload
  })
}
