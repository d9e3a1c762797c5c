import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import express, { NextFunction, Request, Response } from 'express';
import session from 'express-session';
import helmet from 'helmet';
import { csrfSync } from 'csrf-sync';
import nunjucks from 'nunjucks';
import { AppConfig } from '@coprod/application';
import { SqliteSessionStore } from './session-store';
import { compiledStyles } from './styles';
import { isWebPath } from './web-errors';

type Middleware = (req: Request, res: Response, next: NextFunction) => void;

/** Runs a middleware for the web interface's paths only: the JSON API and the health checks never see it. */
function onWeb(middleware: Middleware): Middleware {
  return (req, res, next) => (isWebPath(req.path) ? middleware(req, res, next) : next());
}

/** The folder holding `apps/`, whether running from the sources or from `dist/`. */
function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'apps', 'web', 'views'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('the web interface cannot find its page templates (apps/web/views)');
    dir = parent;
  }
  return dir;
}

/** What the service is called on every page. */
export const SERVICE_NAME = 'Co-production record';

/**
 * Serves the web interface from the same process as the API: GOV.UK Frontend's templates and
 * assets, form bodies, server-side sessions, a CSRF token per session, and a Content-Security-Policy
 * with no inline script but the page's own nonce. Only paths outside /api and /health get any of it.
 */
export function setupWeb(nest: INestApplication, config: AppConfig): { close(): void } {
  const app = nest as NestExpressApplication;
  const root = projectRoot();
  const govuk = dirname(require.resolve('govuk-frontend/package.json'));
  const env = nunjucks.configure([join(root, 'apps', 'web', 'views'), join(govuk, 'dist')], {
    autoescape: true,
    throwOnUndefined: false,
    noCache: false,
  });
  app.engine('njk', (file: string, context: object, done: (error: Error | null, html?: string) => void) =>
    env.render(file, context, (error, html) => done(error, html ?? undefined)),
  );
  app.setBaseViewsDir(join(root, 'apps', 'web', 'views'));
  app.setViewEngine('njk');

  const styles = compiledStyles(root);
  const assets = express.Router();
  assets.get('/assets/application.css', (_req, res) => res.type('text/css').set('Cache-Control', 'public, max-age=3600').send(styles));
  assets.get('/assets/govuk-frontend.min.js', (_req, res) => res.sendFile(join(govuk, 'dist', 'govuk', 'govuk-frontend.min.js')));
  assets.get('/assets/init.js', (_req, res) => res.type('text/javascript').send(readFileSync(join(root, 'apps', 'web', 'assets', 'init.js'))));
  assets.use(
    '/assets',
    express.static(join(govuk, 'dist', 'govuk', 'assets'), {
      fallthrough: false,
    }),
  );
  app.use(assets);

  app.use(
    onWeb((_req: Request, res: Response, next: NextFunction) => {
      res.locals.cspNonce = randomBytes(16).toString('base64');
      res.locals.service = { name: SERVICE_NAME, publisher: config.publisher };
      res.locals.navigation = [];
      next();
    }),
  );
  app.use(
    onWeb(
      helmet({
        contentSecurityPolicy: {
          directives: {
            defaultSrc: ["'self'"],
            scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
            styleSrc: ["'self'"],
            imgSrc: ["'self'", 'data:'],
            formAction: ["'self'"],
            frameAncestors: ["'none'"],
            upgradeInsecureRequests: config.web.secureCookies ? [] : null,
          },
        },
        strictTransportSecurity: config.web.secureCookies,
      }),
    ),
  );
  app.use(
    onWeb(
      express.urlencoded({
        extended: false,
        limit: '256kb',
        parameterLimit: 2000,
      }),
    ),
  );
  const store = new SqliteSessionStore(config.web.sessionsFile);
  if (config.web.secureCookies) app.set('trust proxy', 1);
  app.use(
    onWeb(
      session({
        name: 'coprod_session',
        secret: store.secret(),
        store,
        resave: false,
        saveUninitialized: false,
        rolling: true,
        cookie: {
          httpOnly: true,
          sameSite: 'lax',
          secure: config.web.secureCookies,
          maxAge: config.web.idleMinutes * 60_000,
        },
      }),
    ),
  );
  const csrf = csrfSync({
    // A file upload's body is read by its route, after this check, so its form carries the token in its address too.
    getTokenFromRequest: (req) => (req.body as Record<string, string> | undefined)?._csrf ?? (req.is('multipart/form-data') ? (req.query as Record<string, string>)._csrf : undefined),
  });
  // A browser never attaches an Authorization header by itself, so a request carrying one cannot be forged from another site.
  const forgeable = (req: Request) => req.method === 'POST' && req.headers.authorization === undefined;
  app.use(
    onWeb((req: Request, res: Response, next: NextFunction) => {
      // A form asks for the token as it renders, so a page without a form starts no session.
      res.locals.csrfToken = () => csrf.generateToken(req);
      if (forgeable(req) && !csrf.isRequestValid(req)) {
        res.status(403).render('errors/form-expired.njk', { returnTo: req.originalUrl });
        return;
      }
      next();
    }),
  );
  return { close: () => store.close() };
}
