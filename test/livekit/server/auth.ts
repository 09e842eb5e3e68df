/**
 * Token checks as a LiveKit server makes them, with livekit-server-sdk's own verifier, so a
 * token the bot mints wrongly fails here as it would in production.
 */
import { TokenVerifier, type ClaimGrants, type VideoGrant } from 'livekit-server-sdk';

export class AuthError extends Error {}

export type JoinClaims = {
  identity: string;
  name: string;
  room: string;
  metadata: string;
  attributes: Record<string, string>;
  kind: string;
  grant: VideoGrant;
  claims: ClaimGrants;
};

export class Auth {
  readonly #verifier: TokenVerifier;

  constructor(apiKey: string, apiSecret: string) {
    this.#verifier = new TokenVerifier(apiKey, apiSecret);
  }

  async verify(token: string | undefined): Promise<ClaimGrants> {
    if (!token) throw new AuthError('missing access token');
    try {
      return await this.#verifier.verify(token);
    } catch (cause) {
      throw new AuthError(`invalid access token: ${(cause as Error).message}`);
    }
  }

  async verifyJoin(token: string | undefined): Promise<JoinClaims> {
    const claims = await this.verify(token);
    const grant = claims.video ?? {};
    if (!grant.roomJoin || !grant.room) throw new AuthError('token has no roomJoin grant for a room');
    if (!claims.sub) throw new AuthError('token has no identity');
    return {
      identity: claims.sub,
      name: claims.name ?? '',
      room: grant.room,
      metadata: claims.metadata ?? '',
      attributes: claims.attributes ?? {},
      kind: claims.kind ?? '',
      grant,
      claims,
    };
  }

  /** Twirp calls: `Authorization: Bearer <jwt>` whose video grant passes `allowed`. */
  async verifyApi(header: string | undefined, allowed: (grant: VideoGrant) => boolean): Promise<void> {
    const claims = await this.verify(header?.replace(/^Bearer\s+/i, ''));
    if (!allowed(claims.video ?? {})) throw new AuthError('token lacks the grant this call needs');
  }
}

/** Publishing defaults to allowed when the grant says nothing, as in LiveKit. */
export function canPublish(grant: VideoGrant): boolean {
  return grant.canPublish ?? true;
}
