// A service written in JavaScript signing a person in through the region with openid-client.
// Talks to its test over stdin/stdout, one JSON object a line: it prints the authorization URL,
// reads back the URL the person's browser was redirected to, then prints what it learned.
import * as client from 'openid-client';
import readline from 'node:readline';

const [issuer, clientId, clientSecret, redirectUri, postLogoutRedirectUri] = process.argv.slice(2);
const lines = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const say = (object) => process.stdout.write(JSON.stringify(object) + '\n');

try {
  const config = await client.discovery(new URL(issuer), clientId,
    { client_secret: clientSecret, id_token_signed_response_alg: 'ES256' }, undefined,
    { execute: [client.allowInsecureRequests] });
  // verify ID token signatures against the JWKS too, not only trust the TLS channel
  client.enableNonRepudiationChecks(config);

  const verifier = client.randomPKCECodeVerifier();
  const nonce = client.randomNonce();
  const authorizationUrl = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri, scope: 'openid profile email',
    code_challenge: await client.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256', nonce,
  });
  say({ authorizationUrl: authorizationUrl.href });

  const callback = JSON.parse((await lines.next()).value).callback;
  const tokens = await client.authorizationCodeGrant(config, new URL(callback),
    { pkceCodeVerifier: verifier, expectedNonce: nonce, idTokenExpected: true });
  const claims = tokens.claims();
  const userInfo = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
  const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token);
  const logout = client.buildEndSessionUrl(config,
    { id_token_hint: refreshed.id_token ?? tokens.id_token, post_logout_redirect_uri: postLogoutRedirectUri });
  say({
    claims, userInfo,
    refreshed: refreshed.access_token !== tokens.access_token && refreshed.refresh_token !== tokens.refresh_token,
    logoutUrl: logout.href,
  });
} catch (error) {
  say({ error: `${error.name}: ${error.message}`, cause: String(error.cause ?? '') });
  process.exitCode = 1;
} finally {
  process.stdin.destroy();
}
