// A minimal OpenID provider for the end-to-end test of the workbench's
// production sign-in: discovery, an authorization endpoint that signs the
// user straight in, a token endpoint that checks PKCE (S256) exactly, and
// a JWKS. It records what it was asked, so the test can assert the flow.
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeIdP {
  issuer: string;
  /** Every authorization request's parameters, in order. */
  authorizations: URLSearchParams[];
  /** Every token request's form, in order, and whether PKCE held. */
  tokenRequests: { form: URLSearchParams; pkceOk: boolean }[];
  /** Access tokens issued. */
  accessTokens: string[];
  close(): Promise<void>;
}

export interface FakeUser {
  sub: string;
  name: string;
  roles: string[];
  clearance: string;
}

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

export async function startFakeIdP(user: FakeUser, audience: string): Promise<FakeIdP> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'e2e-1', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, { challenge: string; clientId: string; redirectUri: string; nonce: string | null }>();
  const idp = { authorizations: [], tokenRequests: [], accessTokens: [] } as unknown as FakeIdP;

  const jwt = (claims: Record<string, unknown>) => {
    const head = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: jwk.kid }));
    const body = b64url(JSON.stringify(claims));
    const sig = sign('sha256', Buffer.from(`${head}.${body}`), privateKey);
    return `${head}.${body}.${b64url(sig)}`;
  };

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, {
      'Content-Type': 'application/json',
      'Access-Control-Allow-Origin': '*',
      'Cache-Control': 'no-store',
    });
    res.end(JSON.stringify(body));
  };

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let s = '';
      req.on('data', (c) => (s += c));
      req.on('end', () => resolve(s));
    });

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', idp.issuer);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Headers': 'Content-Type, Authorization',
        'Access-Control-Allow-Methods': 'GET, POST',
      });
      return res.end();
    }
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(res, 200, {
        issuer: idp.issuer,
        authorization_endpoint: `${idp.issuer}/authorize`,
        token_endpoint: `${idp.issuer}/token`,
        jwks_uri: `${idp.issuer}/jwks`,
        response_types_supported: ['code'],
        grant_types_supported: ['authorization_code'],
        code_challenge_methods_supported: ['S256'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
      });
    }
    if (url.pathname === '/jwks') return json(res, 200, { keys: [jwk] });
    if (url.pathname === '/authorize') {
      const p = url.searchParams;
      idp.authorizations.push(p);
      const redirectUri = p.get('redirect_uri') ?? '';
      if (p.get('response_type') !== 'code' || p.get('code_challenge_method') !== 'S256' || !p.get('code_challenge')) {
        return json(res, 400, { error: 'invalid_request', error_description: 'code flow with S256 PKCE only' });
      }
      const code = randomBytes(16).toString('hex');
      codes.set(code, { challenge: p.get('code_challenge')!, clientId: p.get('client_id') ?? '', redirectUri, nonce: p.get('nonce') });
      const back = new URL(redirectUri);
      back.searchParams.set('code', code);
      back.searchParams.set('state', p.get('state') ?? '');
      res.writeHead(302, { Location: back.toString() });
      return res.end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      const form = new URLSearchParams(await readBody(req));
      const grant = codes.get(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      const pkceOk = !!grant && b64url(createHash('sha256').update(verifier).digest()) === grant.challenge;
      idp.tokenRequests.push({ form, pkceOk });
      if (!grant || !pkceOk || form.get('redirect_uri') !== grant.redirectUri || form.get('client_id') !== grant.clientId) {
        return json(res, 400, { error: 'invalid_grant' });
      }
      codes.delete(form.get('code')!);
      const now = Math.floor(Date.now() / 1000);
      const access = jwt({ iss: idp.issuer, aud: audience, sub: user.sub, name: user.name, roles: user.roles, clearance: user.clearance, iat: now, exp: now + 3600 });
      idp.accessTokens.push(access);
      const id = jwt({ iss: idp.issuer, aud: grant.clientId, sub: user.sub, name: user.name, iat: now, exp: now + 3600, ...(grant.nonce ? { nonce: grant.nonce } : {}) });
      return json(res, 200, { access_token: access, id_token: id, token_type: 'Bearer', expires_in: 3600, scope: 'openid profile' });
    }
    json(res, 404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  idp.issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  idp.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return idp;
}
