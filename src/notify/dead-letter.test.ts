import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JsonlDeadLetterFile, readDeadLetters, type DeadLetter } from './dead-letter.js';
import { sampleAlert } from './sample-alerts.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tidewatch-dl-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function letter(i: number): DeadLetter {
  return {
    at: new Date(0).toISOString(),
    channel: 'c',
    channelKind: 'webhook',
    deliveryId: `d${i}`,
    alertId: `a${i}`,
    reason: 'network',
    detail: 'ECONNREFUSED',
    attempts: 5,
    alert: sampleAlert({ id: `a${i}` }),
  };
}

describe('JsonlDeadLetterFile', () => {
  it('appends one JSON line per letter, creating the folder', async () => {
    const file = new JsonlDeadLetterFile(join(dir, 'nested', 'dead-letters.jsonl'));
    for (let i = 0; i < 3; i++) file.sink(letter(i));
    await file.close();
    const again = new JsonlDeadLetterFile(file.path);
    again.sink(letter(3));
    await again.close();
    const { letters, bad } = await readDeadLetters(file.path);
    expect(bad).toEqual([]);
    expect(letters).toEqual([0, 1, 2, 3].map(letter));
  });

  it('counts letters as lost instead of buffering without bound', async () => {
    const lost: string[] = [];
    const file = new JsonlDeadLetterFile(join(dir, 'dl.jsonl'), { maxPendingBytes: 0, onLost: (l, why) => lost.push(`${l.alertId}: ${why}`) });
    file.sink(letter(0)); // the first goes to the stream
    file.sink(letter(1)); // more than 0 bytes are pending now
    await file.close();
    expect(file.written).toBe(1);
    expect(file.lost).toBe(1);
    expect(lost).toEqual(['a1: dead-letter file backlog full']);
  });

  it('reports unreadable lines by number and treats a missing file as empty', async () => {
    expect(await readDeadLetters(join(dir, 'none.jsonl'))).toEqual({ letters: [], bad: [] });
    const path = join(dir, 'x.jsonl');
    await writeFile(path, `${JSON.stringify(letter(0))}\n{broken\n`);
    const r = await readDeadLetters(path);
    expect(r.letters).toHaveLength(1);
    expect(r.bad).toEqual([2]);
  });
});
