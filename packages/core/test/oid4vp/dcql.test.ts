import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// Until the core index re-exports this area, import it directly.
import { type DcqlHeldCredential, isZzError, parseDcqlQuery, selectCredentialsForQuery } from '../../src/index.js';

/** The SPECS.md §8 example query. */
const SPEC_QUERY = {
  credentials: [
    {
      id: 'mdl',
      format: 'mso_mdoc',
      meta: { doctype_value: 'org.iso.18013.5.1.mDL' },
      claims: [{ path: ['org.iso.18013.5.1', 'family_name'], intent_to_retain: false }],
    },
    {
      id: 'pid',
      format: 'dc+sd-jwt',
      meta: { vct_values: ['urn:eudi:pid:1'] },
      claims: [{ path: ['family_name'] }, { path: ['address', 'postal_code'] }],
    },
  ],
};

function code(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return isZzError(error) ? error.code : 'not a ZzError';
  }
}

describe('parseDcqlQuery', () => {
  it('parses the SPECS.md §8 example', () => {
    const query = parseDcqlQuery(SPEC_QUERY);
    expect(query.credentials.map((c) => c.id)).toEqual(['mdl', 'pid']);
    expect(query.credentials[0]?.claims?.[0]).toEqual({
      path: ['org.iso.18013.5.1', 'family_name'],
      intent_to_retain: false,
    });
    expect(query.credentials[1]?.meta.vct_values).toEqual(['urn:eudi:pid:1']);
  });

  it('parses claim_sets, credential_sets, multiple, values and null path segments', () => {
    const query = parseDcqlQuery({
      credentials: [
        {
          id: 'a',
          format: 'dc+sd-jwt',
          multiple: true,
          meta: { vct_values: ['x'] },
          claims: [
            { id: 'n', path: ['nationalities', null] },
            { id: 'o', path: ['age_over_18'], values: [true] },
          ],
          claim_sets: [['o'], ['n']],
        },
        { id: 'b', format: 'mso_mdoc', meta: { doctype_value: 'd' } },
      ],
      credential_sets: [{ options: [['a'], ['b']] }, { options: [['b']], required: false }],
    });
    expect(query.credentials[0]?.claim_sets).toEqual([['o'], ['n']]);
    expect(query.credential_sets?.[1]?.required).toBe(false);
  });

  const bad: [string, unknown][] = [
    ['not an object', 'x'],
    ['no credentials', {}],
    ['empty credentials', { credentials: [] }],
    ['bad id', { credentials: [{ ...SPEC_QUERY.credentials[0], id: 'a b' }] }],
    ['duplicate id', { credentials: [SPEC_QUERY.credentials[0], SPEC_QUERY.credentials[0]] }],
    ['unknown format', { credentials: [{ ...SPEC_QUERY.credentials[0], format: 'jwt_vc_json' }] }],
    ['missing meta', { credentials: [{ id: 'a', format: 'mso_mdoc' }] }],
    ['mdoc meta without doctype', { credentials: [{ id: 'a', format: 'mso_mdoc', meta: {} }] }],
    ['sd-jwt empty vct_values', { credentials: [{ id: 'a', format: 'dc+sd-jwt', meta: { vct_values: [] } }] }],
    [
      'mdoc path of 3',
      {
        credentials: [
          { id: 'a', format: 'mso_mdoc', meta: { doctype_value: 'd' }, claims: [{ path: ['a', 'b', 'c'] }] },
        ],
      },
    ],
    [
      'negative index',
      { credentials: [{ id: 'a', format: 'dc+sd-jwt', meta: { vct_values: ['v'] }, claims: [{ path: ['a', -1] }] }] },
    ],
    [
      'intent_to_retain on sd-jwt',
      {
        credentials: [
          {
            id: 'a',
            format: 'dc+sd-jwt',
            meta: { vct_values: ['v'] },
            claims: [{ path: ['a'], intent_to_retain: true }],
          },
        ],
      },
    ],
    [
      'claim_sets naming unknown id',
      {
        credentials: [
          {
            id: 'a',
            format: 'dc+sd-jwt',
            meta: { vct_values: ['v'] },
            claims: [{ id: 'x', path: ['a'] }],
            claim_sets: [['y']],
          },
        ],
      },
    ],
    ['credential_sets naming unknown query', { ...SPEC_QUERY, credential_sets: [{ options: [['nope']] }] }],
    ['multiple not boolean', { credentials: [{ ...SPEC_QUERY.credentials[0], multiple: 'yes' }] }],
  ];
  it.each(bad)('refuses %s with ERR_OID4VP_DCQL_INVALID', (_name, value) => {
    expect(code(() => parseDcqlQuery(value))).toBe('ERR_OID4VP_DCQL_INVALID');
  });

  it('fails only with ZzErrors on arbitrary JSON (fast-check)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = code(() => parseDcqlQuery(value));
        expect(result === undefined || result === 'ERR_OID4VP_DCQL_INVALID').toBe(true);
      }),
    );
    fc.assert(
      fc.property(
        fc.record({
          credentials: fc.array(
            fc.record({
              id: fc.string(),
              format: fc.constantFrom('mso_mdoc', 'dc+sd-jwt', 'x'),
              meta: fc.jsonValue(),
              claims: fc.array(fc.record({ path: fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null))) })),
            }),
          ),
        }),
        (value) => {
          const result = code(() => parseDcqlQuery(value));
          expect(result === undefined || result === 'ERR_OID4VP_DCQL_INVALID').toBe(true);
        },
      ),
    );
  });
});

describe('selectCredentialsForQuery', () => {
  const mdl: DcqlHeldCredential = {
    id: 'held-mdl',
    format: 'mso_mdoc',
    docType: 'org.iso.18013.5.1.mDL',
    nameSpaces: { 'org.iso.18013.5.1': { family_name: 'Chen', given_name: 'Xiaohong', age_over_18: true } },
  };
  const pid: DcqlHeldCredential = {
    id: 'held-pid',
    format: 'dc+sd-jwt',
    vct: 'urn:eudi:pid:1',
    claims: { family_name: 'Chen', address: { postal_code: '510000', street: 'x' }, nationalities: ['CN', 'HK'] },
  };

  it('selects both credentials of the SPECS.md example with only the requested claims', () => {
    const selection = selectCredentialsForQuery(parseDcqlQuery(SPEC_QUERY), [pid, mdl]);
    expect(selection).toEqual({
      mdl: [
        {
          credentialId: 'held-mdl',
          format: 'mso_mdoc',
          docType: mdl.docType,
          disclose: { 'org.iso.18013.5.1': ['family_name'] },
        },
      ],
      pid: [
        {
          credentialId: 'held-pid',
          format: 'dc+sd-jwt',
          vct: 'urn:eudi:pid:1',
          disclose: [['family_name'], ['address', 'postal_code']],
        },
      ],
    });
  });

  it('expands null path segments and honours values and claim_sets', () => {
    const query = parseDcqlQuery({
      credentials: [
        {
          id: 'p',
          format: 'dc+sd-jwt',
          meta: { vct_values: ['urn:eudi:pid:1'] },
          claims: [
            { id: 'nat', path: ['nationalities', null] },
            { id: 'hk', path: ['nationalities', null], values: ['HK'] },
            { id: 'zip', path: ['address', 'postal_code'], values: ['999999'] },
          ],
          claim_sets: [['zip'], ['hk']],
        },
      ],
    });
    expect(selectCredentialsForQuery(query, [pid]).p?.[0]?.disclose).toEqual([['nationalities', 1]]);
  });

  it('throws ERR_OID4VP_NO_MATCHING_CREDENTIAL for an unsatisfiable required query, skips optional sets', () => {
    const query = parseDcqlQuery(SPEC_QUERY);
    expect(code(() => selectCredentialsForQuery(query, [pid]))).toBe('ERR_OID4VP_NO_MATCHING_CREDENTIAL');
    const optional = parseDcqlQuery({
      ...SPEC_QUERY,
      credential_sets: [{ options: [['pid']] }, { options: [['mdl']], required: false }],
    });
    expect(Object.keys(selectCredentialsForQuery(optional, [pid]))).toEqual(['pid']);
    const wrongType = parseDcqlQuery({
      credentials: [{ id: 'm', format: 'mso_mdoc', meta: { doctype_value: 'other' }, claims: [{ path: ['a', 'b'] }] }],
    });
    expect(code(() => selectCredentialsForQuery(wrongType, [mdl, pid]))).toBe('ERR_OID4VP_NO_MATCHING_CREDENTIAL');
    const missingElement = parseDcqlQuery({
      credentials: [
        {
          id: 'm',
          format: 'mso_mdoc',
          meta: { doctype_value: mdl.docType },
          claims: [{ path: ['org.iso.18013.5.1', 'portrait'] }],
        },
      ],
    });
    expect(code(() => selectCredentialsForQuery(missingElement, [mdl]))).toBe('ERR_OID4VP_NO_MATCHING_CREDENTIAL');
  });

  it('returns every match for multiple: true, the first one otherwise', () => {
    const second = { ...pid, id: 'held-pid-2' };
    const base = {
      id: 'p',
      format: 'dc+sd-jwt',
      meta: { vct_values: ['urn:eudi:pid:1'] },
      claims: [{ path: ['family_name'] }],
    };
    expect(selectCredentialsForQuery(parseDcqlQuery({ credentials: [base] }), [pid, second]).p).toHaveLength(1);
    expect(
      selectCredentialsForQuery(parseDcqlQuery({ credentials: [{ ...base, multiple: true }] }), [pid, second]).p,
    ).toHaveLength(2);
  });
});
