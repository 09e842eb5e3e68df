/** Reading the client's offer: which m-section carries which track, and whether it still sends. */

export function mediaSection(sdp: string, mid: string): string | undefined {
  return sdp
    .split(/^m=/m)
    .slice(1)
    .find((section) => new RegExp(`^a=mid:${mid}\\r?$`, 'm').test(section));
}

/** The track id half of `a=msid:<stream> <track>`: rtc-node's track cid. */
export function msidTrackId(section: string): string | undefined {
  return /^a=msid:\S+ (\S+?)\r?$/m.exec(section)?.[1];
}

/** False once the client has removed the track: port 0, or a direction without sending. */
export function isSending(section: string): boolean {
  return !/^\S+ 0 /.test(section) && !/^a=(inactive|recvonly)\r?$/m.test(section);
}
