// A local OpenID Connect provider (npm oidc-provider) for the console's single sign-on test
// (de.wachposten.console.ConsoleSingleSignOnTest). One confidential client, PKCE required, the provider's own
// development login and consent forms: any login name signs in as an account whose sub and preferred_username
// are that name.
//
//   node provider.mjs <port> <client_id> <client_secret> <redirect_uri>
//
// Prints "ready <issuer>" once it listens on 127.0.0.1:<port>.
import Provider from 'oidc-provider';

const [port, clientId, clientSecret, redirectUri] = process.argv.slice(2);
if (!port || !clientId || !clientSecret || !redirectUri) {
  console.error('usage: node provider.mjs <port> <client_id> <client_secret> <redirect_uri>');
  process.exit(2);
}
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: [{
    client_id: clientId,
    client_secret: clientSecret,
    redirect_uris: [redirectUri],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  }],
  pkce: { required: () => true },
  async findAccount(ctx, id) {
    return {
      accountId: id,
      async claims() {
        return { sub: id, preferred_username: id, name: id, email: `${id}@example.test` };
      },
    };
  },
  claims: { openid: ['sub'], profile: ['preferred_username', 'name'], email: ['email'] },
  // the claims of the granted scopes in the ID token itself, as most organisation providers do
  conformIdTokenClaims: false,
  cookies: { keys: ['wachposten-test-only-cookie-key'] },
  features: { devInteractions: { enabled: true } },
});

provider.listen(Number(port), '127.0.0.1', () => {
  console.log(`ready ${issuer}`);
});
