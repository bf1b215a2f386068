import { Writable } from 'node:stream';
import { ZzError } from '@zhengzhao/core';
import { describe, expect, it } from 'vitest';
import { createHttpApp, createLogger, describeErrorForLog } from '../../src/index.js';

const PERSONAL = {
  full_name: 'Zhang Sanfeng',
  family_name: 'Zhang',
  given_name: 'Sanfeng',
  id_number: '11010119900307777X',
  resident_address: 'No. 8 Wudang Road',
  birth_date: '1990-03-07',
  phone: '13800138000',
};
const VALUES = Object.values(PERSONAL);

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(String(chunk));
      callback();
    },
  });
  return { lines, logger: createLogger({ name: 'test', destination, level: 'debug' }) };
}

function expectClean(text: string) {
  for (const value of VALUES) expect(text).not.toContain(value);
  expect(text).not.toContain('Sanfeng');
}

describe('logs carry no personal data', () => {
  it('censors personal-data keys at any depth and bodies altogether', () => {
    const { lines, logger } = capture();
    logger.info({ ...PERSONAL, name: 'Zhang Sanfeng' }, 'top level');
    logger.info({ citizen: PERSONAL, event: { data: { holder: PERSONAL } } }, 'nested');
    logger.child({ reqId: 'r1' }).info({ req: { body: PERSONAL }, body: 'Zhang Sanfeng' }, 'bodies');
    const text = lines.join('');
    expectClean(text);
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[1] ?? '{}').event.data.holder.id_number).toBe('[redacted]');
    expect(JSON.parse(lines[0] ?? '{}').service).toBe('test');
  });

  it('logs a request as method, route pattern, status, duration and request id — nothing from body, query or params', async () => {
    const { lines, logger } = capture();
    const app = await createHttpApp({ name: 'registry', version: '1', logger });
    app.post('/citizens/:idNumber', async (request) => {
      request.log.info({ citizen: request.body }, 'handler saw a citizen');
      return { ok: true };
    });
    app.get('/fail/:idNumber', async (request) => {
      throw new Error(`lookup failed for ${(request.params as { idNumber: string }).idNumber} ${PERSONAL.full_name}`);
    });
    app.get('/zz', async () => {
      throw new ZzError('ERR_CITIZEN_ID_INVALID');
    });
    const query = `?name=${encodeURIComponent(PERSONAL.full_name)}&phone=${PERSONAL.phone}`;
    const res = await app.inject({
      method: 'POST',
      url: `/citizens/${PERSONAL.id_number}${query}`,
      payload: PERSONAL,
      headers: { authorization: `Bearer ${PERSONAL.id_number}` },
    });
    expect(res.statusCode).toBe(200);
    const failed = await app.inject({ method: 'GET', url: `/fail/${PERSONAL.id_number}${query}` });
    expect(failed.statusCode).toBe(500);
    await app.inject({ method: 'GET', url: `/nowhere/${PERSONAL.id_number}${query}` });
    await app.inject({ method: 'GET', url: '/zz' });
    await app.close();

    const text = lines.join('');
    expectClean(text);
    expect(text).not.toContain(PERSONAL.phone);
    const entries = lines.map((l) => JSON.parse(l));
    const requests = entries.filter((e) => e.msg === 'request');
    expect(requests.map((e) => [e.method, e.route, e.status])).toEqual([
      ['POST', '/citizens/:idNumber', 200],
      ['GET', '/fail/:idNumber', 500],
      ['GET', '(unmatched)', 404],
      ['GET', '/zz', 400],
    ]);
    for (const e of requests) {
      expect(e.reqId).toMatch(/^[0-9a-f-]{36}$/);
      expect(typeof e.durationMs).toBe('number');
      expect(Object.keys(e)).not.toContain('url');
    }
    // the 500 is logged with the request id and the error's class and stack frames, not its message
    const error = entries.find((e) => e.msg === 'request failed');
    expect(error?.reqId).toBe(requests[1]?.reqId);
    expect(error?.error.type).toBe('Error');
    expect(error?.error.stack).toContain('at ');
    expect(failed.json().instance).toBe(`urn:uuid:${error?.reqId}`);
  });

  it('describes foreign errors without their message, ZzErrors with theirs', () => {
    const foreign = Object.assign(new SyntaxError(`Unexpected token in "${PERSONAL.full_name}"`), { code: 'X1' });
    const logged = describeErrorForLog(foreign);
    expect(logged).toMatchObject({ type: 'SyntaxError', code: 'X1' });
    expectClean(JSON.stringify(logged));
    expect(describeErrorForLog(new ZzError('ERR_CITIZEN_ID_INVALID', 'Check digit is wrong'))).toMatchObject({
      type: 'ZzError',
      code: 'ERR_CITIZEN_ID_INVALID',
      message: 'Check digit is wrong',
    });
    expect(describeErrorForLog(PERSONAL.full_name)).toEqual({ type: 'string' });
  });
});
