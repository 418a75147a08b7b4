// Shared test fixtures: a temporary database, an outbox that records what it was asked to post.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ButtonRequest, MessageRef, Outbox } from '../../src/core/command.ts';
import type { Reply } from '../../src/core/reply.ts';
import { SqliteStore } from '../../src/store/sqlite.ts';

export function tempDbPath(name = 'quiz.db'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nn-tutor-quiz-'));
  return path.join(dir, 'nested', name);
}

export function tempStore(): SqliteStore {
  return new SqliteStore(tempDbPath(), { synchronous: 'NORMAL' });
}

export interface Posted {
  kind: 'post' | 'edit';
  channelId: string;
  messageId: string;
  reply: Reply;
}

export class RecordingOutbox implements Outbox {
  readonly messages: Posted[] = [];
  private n = 0;
  constructor(private readonly withEdit = true) {
    if (!withEdit) this.edit = undefined;
  }
  async post(channelId: string, reply: Reply): Promise<MessageRef> {
    const messageId = `m${++this.n}`;
    this.messages.push({ kind: 'post', channelId, messageId, reply });
    return { platform: 'test', channelId, messageId };
  }
  edit?: (ref: MessageRef, reply: Reply) => Promise<void> = async (ref, reply) => {
    this.messages.push({ kind: 'edit', channelId: ref.channelId, messageId: ref.messageId, reply });
  };
}

export function click(payload: string, userId: string, extra: Partial<ButtonRequest> = {}): ButtonRequest {
  return { platform: 'test', channelId: 'c1', serverId: 's1', userId, userName: `user ${userId}`, payload, ...extra };
}
