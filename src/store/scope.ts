// A score table's key, the same in every engine: "channel:<platform>:<id>" or "server:<platform>:<id>".
import type { ScoreScope } from './types.ts';

export function scopeKey(scope: ScoreScope): string {
  return scope.kind === 'channel'
    ? `channel:${scope.platform}:${scope.channelId}`
    : `server:${scope.platform}:${scope.serverId}`;
}
