import { describe, expect, it } from 'vitest';
import { elementsBeyondRegistration } from './elements-beyond-registration.js';
import type { PresentationRequest } from './oid4vp/presentation-types.js';
import type { ProximityRequest } from './proximity/proximity-types.js';
import { expectCode } from './test/holder-fixtures.js';

const EID = 'cn.gov.eid.1';
const HOTEL = { [EID]: { [EID]: ['family_name', 'given_name', 'id_number', 'age_over_18'] } };

const proximity = (elements: Record<string, string[]>, docType = EID): ProximityRequest => ({
  reader: { trusted: true },
  documents: [
    {
      docType,
      elements: Object.fromEntries(
        Object.entries(elements).map(([ns, ids]) => [
          ns,
          ids.map((identifier) => ({ identifier, intentToRetain: false })),
        ]),
      ),
    },
  ],
});

const online = (credentials: PresentationRequest['credentials']): PresentationRequest =>
  ({ credentials, verifier: { clientId: 'x509_san_dns:shop.example' } }) as unknown as PresentationRequest;

describe('elementsBeyondRegistration', () => {
  it('is empty for a proximity request within the registration', () => {
    expect(elementsBeyondRegistration(proximity({ [EID]: ['family_name', 'age_over_18'] }), HOTEL)).toEqual([]);
  });

  it('lists elements, namespaces and docTypes the reader is not registered for', () => {
    expect(
      elementsBeyondRegistration(proximity({ [EID]: ['age_over_18', 'portrait', 'resident_address'] }), HOTEL),
    ).toEqual([
      { docType: EID, namespace: EID, identifier: 'portrait' },
      { docType: EID, namespace: EID, identifier: 'resident_address' },
    ]);
    expect(elementsBeyondRegistration(proximity({ 'org.iso.18013.5.1': ['family_name'] }), HOTEL)).toEqual([
      { docType: EID, namespace: 'org.iso.18013.5.1', identifier: 'family_name' },
    ]);
    expect(elementsBeyondRegistration(proximity({ 'cn.gov.mdl.1': ['name'] }, 'cn.gov.mdl.1'), HOTEL)).toEqual([
      { docType: 'cn.gov.mdl.1', namespace: 'cn.gov.mdl.1', identifier: 'name' },
    ]);
    expect(elementsBeyondRegistration(proximity({ [EID]: ['family_name'] }), {})).toHaveLength(1);
  });

  it('checks OpenID4VP queries: SD-JWT top-level claims under their vct, mdoc paths', () => {
    const request = online([
      {
        queryId: 'a',
        format: 'dc+sd-jwt',
        types: [EID],
        multiple: false,
        claims: [{ path: ['age_over_18'] }, { path: ['resident_address', 'city'] }, { path: ['family_name'] }],
      },
      { queryId: 'b', format: 'mso_mdoc', types: [EID], multiple: false, claims: [{ path: [EID, 'portrait'] }] },
      {
        queryId: 'c',
        format: 'dc+sd-jwt',
        types: [EID, 'cn.gov.eid.2'],
        multiple: false,
        claims: [{ path: ['given_name'] }],
      },
    ]);
    expect(elementsBeyondRegistration(request, HOTEL)).toEqual([
      { docType: EID, namespace: EID, identifier: 'resident_address' },
      { docType: EID, namespace: EID, identifier: 'portrait' },
      { docType: 'cn.gov.eid.2', namespace: 'cn.gov.eid.2', identifier: 'given_name' },
    ]);
  });

  it('does not treat inherited properties as registered', () => {
    expect(elementsBeyondRegistration(proximity({ constructor: ['toString'] }, 'constructor'), HOTEL)).toHaveLength(1);
    expect(elementsBeyondRegistration(proximity({ [EID]: ['__proto__'] }), HOTEL)).toHaveLength(1);
  });

  it('refuses input of the wrong shape', async () => {
    await expectCode(() => elementsBeyondRegistration(null as never, HOTEL), 'ERR_INPUT_INVALID');
    await expectCode(() => elementsBeyondRegistration({} as never, HOTEL), 'ERR_INPUT_INVALID');
    await expectCode(() => elementsBeyondRegistration(proximity({}), null as never), 'ERR_INPUT_INVALID');
    await expectCode(() => elementsBeyondRegistration(proximity({}), [] as never), 'ERR_INPUT_INVALID');
  });
});
