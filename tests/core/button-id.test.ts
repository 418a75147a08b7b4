import { describe, expect, it } from 'vitest';
import { buttonCommand, formatButtonId, parseButtonId } from '../../src/core/button-id.ts';

describe('button ids', () => {
  it('round-trips <command>:<payload>, the payload keeping its own colons', () => {
    expect(parseButtonId(formatButtonId('quiz', 'answer:q1:2'))).toEqual({ command: 'quiz', payload: 'answer:q1:2' });
    expect(parseButtonId('explain:')).toEqual({ command: 'explain', payload: '' });
  });
  it('has no command without a name before the colon, and never throws', () => {
    for (const id of ['', 'nocolon', ':payload', ':']) expect(parseButtonId(id), id).toBeUndefined();
    expect(buttonCommand(':x')).toBe('');
    expect(buttonCommand('translate:step:3')).toBe('translate');
  });
});
