// A real OpenID provider for the hub's tests: panva/oidc-provider (installed from package.json /
// package-lock.json by `make install`), configured like a strict production server: PKCE S256
// required, RFC 9207 `iss` on every authorization response, refresh-token rotation with reuse
// detection (a used refresh token revokes the whole grant), RFC 7009 revocation, userinfo.
//
// Only the login and consent screens are replaced: a browser that sends the cookie
// `test_account=<id>` at the provider is logged in as <id> and grants what was asked for, so
// tests can act as different people without HTML forms. Nothing else is patched.
//
// env: PORT (required), REDIRECT_URIS (comma-separated), prints "READY <issuer>" when listening.
import http from 'node:http';
import Provider from 'oidc-provider';

const port = Number(process.env.PORT);
const issuer = `http://127.0.0.1:${port}`;
const redirectUris = (process.env.REDIRECT_URIS || '').split(',').filter(Boolean);
const client = (id, method) => ({
  client_id: id,
  client_secret: `${id}-secret`,
  token_endpoint_auth_method: method,
  redirect_uris: redirectUris,
  grant_types: ['authorization_code', 'refresh_token'],
  response_types: ['code'],
});

const provider = new Provider(issuer, {
  clients: [client('hub-basic', 'client_secret_basic'), client('hub-post', 'client_secret_post')],
  scopes: ['openid', 'offline_access', 'profile', 'email'],
  claims: { openid: ['sub'], profile: ['name'], email: ['email'] },
  features: {
    devInteractions: { enabled: false },
    revocation: { enabled: true },
    introspection: { enabled: true },
    userinfo: { enabled: true },
  },
  pkce: { required: () => true },
  rotateRefreshToken: true,
  issueRefreshToken: async (_ctx, c) => c.grantTypeAllowed('refresh_token'),
  ttl: { AccessToken: 3600, AuthorizationCode: 60, RefreshToken: 14 * 24 * 3600, Grant: 14 * 24 * 3600,
    Interaction: 600, Session: 3600, IdToken: 3600 },
  cookies: { keys: ['integration-hub-test-only'] },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  findAccount: async (_ctx, id) => ({
    accountId: id,
    claims: async () => ({ sub: id, name: id, email: `${id}@example.test` }),
  }),
});
provider.proxy = false;

function testAccount(req) {
  const match = /(?:^|;\s*)test_account=([A-Za-z0-9_-]+)/.exec(req.headers.cookie || '');
  return match ? match[1] : 'alice';
}

async function interaction(req, res) {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name === 'login') {
    await provider.interactionFinished(req, res, { login: { accountId: testAccount(req) } },
      { mergeWithLastSubmission: false });
    return;
  }
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
  if (details.prompt.details.missingOIDCScope) {
    grant.addOIDCScope(details.prompt.details.missingOIDCScope.join(' '));
  }
  if (details.prompt.details.missingOIDCClaims) {
    grant.addOIDCClaims(details.prompt.details.missingOIDCClaims);
  }
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

const callback = provider.callback();
const server = http.createServer((req, res) => {
  if (req.url.startsWith('/interaction/')) {
    interaction(req, res).catch((error) => {
      res.statusCode = 500;
      res.end(String(error && error.message));
    });
    return;
  }
  callback(req, res);
});
server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`READY ${issuer}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
