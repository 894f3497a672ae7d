/**
 * Every provider URL comes from the environment, so the same code talks to Google and Microsoft in
 * production and to the local stand-ins in tests (issue 4, "Connecting"). Read once at start by the
 * caller (main.ts / the CLI), never at import time.
 */
export interface ProviderEndpoints {
  gmailApiUrl: string;
  googleAuthUrl: string;
  googleTokenUrl: string;
  graphUrl: string;
  msLoginUrl: string;
  /** Azure AD tenant segment: `common` accepts work/school and personal Microsoft accounts. */
  msTenant: string;
}

export interface OAuthClientCredentials {
  google?: { clientId: string; clientSecret: string };
  microsoft?: { clientId: string; clientSecret: string };
}

export const defaultEndpoints: ProviderEndpoints = {
  gmailApiUrl: 'https://gmail.googleapis.com/',
  googleAuthUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
  googleTokenUrl: 'https://oauth2.googleapis.com/token',
  graphUrl: 'https://graph.microsoft.com',
  msLoginUrl: 'https://login.microsoftonline.com',
  msTenant: 'common',
};

function url(env: Record<string, string | undefined>, name: string, fallback: string): string {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  try {
    const parsed = new URL(raw);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error('not http(s)');
  } catch {
    throw new Error(`${name}: expected an http(s) URL, got "${raw}"`);
  }
  return raw;
}

export function loadProviderEndpoints(env: Record<string, string | undefined> = process.env): ProviderEndpoints {
  return {
    gmailApiUrl: url(env, 'FT_GMAIL_API_URL', defaultEndpoints.gmailApiUrl),
    googleAuthUrl: url(env, 'FT_GOOGLE_AUTH_URL', defaultEndpoints.googleAuthUrl),
    googleTokenUrl: url(env, 'FT_GOOGLE_TOKEN_URL', defaultEndpoints.googleTokenUrl),
    graphUrl: url(env, 'FT_GRAPH_URL', defaultEndpoints.graphUrl).replace(/\/+$/, ''),
    msLoginUrl: url(env, 'FT_MS_LOGIN_URL', defaultEndpoints.msLoginUrl).replace(/\/+$/, ''),
    msTenant: env.FT_MS_TENANT?.trim() || defaultEndpoints.msTenant,
  };
}

export function loadOAuthClients(env: Record<string, string | undefined> = process.env): OAuthClientCredentials {
  const pair = (id: string | undefined, secret: string | undefined) =>
    id?.trim() && secret?.trim() ? { clientId: id.trim(), clientSecret: secret.trim() } : undefined;
  const google = pair(env.FT_GOOGLE_CLIENT_ID, env.FT_GOOGLE_CLIENT_SECRET);
  const microsoft = pair(env.FT_MS_CLIENT_ID, env.FT_MS_CLIENT_SECRET);
  return { ...(google ? { google } : {}), ...(microsoft ? { microsoft } : {}) };
}

/** Scopes per access level (least privilege: see the README). */
export const scopes = {
  google: {
    metadata: ['https://www.googleapis.com/auth/gmail.metadata'],
    bodies: ['https://www.googleapis.com/auth/gmail.readonly'],
  },
  microsoft: {
    metadata: ['offline_access', 'https://graph.microsoft.com/Mail.ReadBasic', 'https://graph.microsoft.com/User.Read'],
    bodies: ['offline_access', 'https://graph.microsoft.com/Mail.Read', 'https://graph.microsoft.com/User.Read'],
  },
} as const;
