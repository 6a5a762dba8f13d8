import type { Challenge } from 'altcha-lib';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';

/** What the widget sends for a challenge: the challenge and its solution, as base64 JSON. */
export async function solved(challengeJson: string | Promise<string>): Promise<string> {
  const challenge = JSON.parse(await challengeJson) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}
