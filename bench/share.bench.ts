/**
 * Sharing service (Zhengzhao issue 7 §7): retrievals per second — an agency's signed retrieval of
 * a licence released under a standing consent, end to end through the HTTP app (JWS over the
 * access certificate: chain to the national root, trust-list registration, signature; replay
 * table; the request, consent and release rows; one access-log append, fsynced to a file store;
 * SQLite on disk) — as a ratio of raw ES256 verifies per second measured in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, FileMerkleNodeStore } from '@zhengzhao/server-kit';
import type { ShareDatabase } from '@zhengzhao/share';
import { DOC_TYPE, openShareFixture } from '../apps/share/test/helpers/share-fixture.js';
import { median, opsPerSecond, report } from './lib.js';

const ELEMENTS = ['family_name', 'given_name', 'id_number'];
const BATCH = 150;
const ROUNDS = 5;

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'zz-bench-share-'));
  const database = createDatabase<ShareDatabase>({ file: join(dir, 'share.sqlite') });
  const store = FileMerkleNodeStore.open({ dir: join(dir, 'log') });
  try {
    const f = await openShareFixture(database, store);
    const holder = await f.newHolder();
    const ask = async () =>
      (
        await f.app.inject({
          method: 'POST',
          url: '/agency/requests',
          payload: {
            request: await f.agencyCall({
              handle: holder.handle,
              doc_type: DOC_TYPE,
              elements: ELEMENTS,
              purpose: 'hotel',
            }),
          },
        })
      ).json() as { request_id: string; state: string };
    // a standing consent, so that every later request is approved at once
    const first = await ask();
    const url = `/holder/requests/${first.request_id}/approve`;
    const approved = await f.app.inject({
      method: 'POST',
      url,
      headers: await holder.auth('POST', url),
      payload: {
        consent: await holder.consent({
          request_id: first.request_id,
          agency: 'hotel',
          purpose: 'hotel',
          doc_type: DOC_TYPE,
          elements: ELEMENTS,
          kind: 'standing',
          exp: Math.floor(f.clock.now().getTime() / 1000) + 86_400,
        }),
        credential: await holder.present(ELEMENTS),
      },
    });
    if (approved.statusCode !== 200) throw new Error(`approval failed: ${approved.body}`);

    const party = f.registry.relyingParty('hotel');
    const es256 = f.registry.platform.suite('ES256');
    const message = new TextEncoder().encode('baseline');
    const signature = await party.signer.sign(message);
    const baselines: number[] = [];
    const subjects: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      baselines.push(await opsPerSecond(() => es256.verify(party.signer.publicKey.point, message, signature)));
      const ids: string[] = [];
      for (let i = 0; i < BATCH; i++) ids.push((await ask()).request_id);
      const calls = await Promise.all(ids.map((id) => f.agencyCall({ request_id: id })));
      const start = performance.now();
      for (const request of calls) {
        const got = await f.app.inject({ method: 'POST', url: '/agency/retrievals', payload: { request } });
        if (got.statusCode !== 200) throw new Error(`retrieval failed: ${got.body}`);
      }
      subjects.push((BATCH * 1000) / (performance.now() - start));
    }
    const subject = median(subjects);
    const baseline = median(baselines);
    report(
      `retrievals/s (${Math.round(subject)}) ÷ raw ES256 verify/s (${Math.round(baseline)})`,
      `${(subject / baseline).toFixed(3)}×`,
      'report',
      undefined,
    );
    report('retrieval latency, median', `${(1000 / subject).toFixed(2)} ms`, 'report', undefined);
    await f.app.close();
  } finally {
    store.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
